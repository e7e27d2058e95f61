/** The tenants file's types live in the domain model; this path stays for the config layer's own imports. */
export * from '../model/config.js'
