export const id = 808;
export const ids = [808];
export const modules = {

/***/ 50808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBridge: () => (/* binding */ runBridge)
});

// UNUSED EXPORTS: BridgeError

;// CONCATENATED MODULE: ./src/azure/retry.ts
/** 1, 2, 4, 8, 15, 15 s: about 45 s in all, within what Entra's replication usually takes. */
const REPLICATION_RETRY = { delaysMs: [1000, 2000, 4000, 8000, 15000, 15000] };
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
async function retryWhile(attempt, isLag, options = REPLICATION_RETRY) {
    const wait = options.sleep ?? sleep;
    for (let retry = 0;; retry++) {
        try {
            return await attempt();
        }
        catch (error) {
            const delay = options.delaysMs[retry];
            if (delay === undefined || !isLag(error))
                throw error;
            await wait(delay);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@microsoft/microsoft-graph-client/lib/src/index.js
var src = __webpack_require__(11899);
// EXTERNAL MODULE: ./node_modules/@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js
var azureTokenCredentials = __webpack_require__(68316);
// EXTERNAL MODULE: ./src/cloud.ts
var src_cloud = __webpack_require__(21486);
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 37 modules
var esm = __webpack_require__(1818);
;// CONCATENATED MODULE: ./src/azure/pipeline.ts
/**
 * One HTTP pipeline for all four services. Every client — the Entra credentials, ARM, Key Vault and Microsoft
 * Graph — sends through @azure/core-rest-pipeline with the same options: its proxy policy (HTTPS_PROXY,
 * NO_PROXY), TLS, user agent, and one retry policy that retries throttling (honouring Retry-After), 5xx, resets
 * and timeouts with exponential backoff. The Graph client keeps its request building and authentication, and
 * sends through the same pipeline by a final middleware instead of its own fetch.
 * Sources: https://learn.microsoft.com/javascript/api/@azure/core-rest-pipeline/pipelineoptions ,
 * https://learn.microsoft.com/graph/sdks/customize-client?tabs=typescript
 *
 * A run has one retry budget: once its time is spent, nothing is retried any more, so a run under a long outage
 * ends with errors that say "transient" instead of waiting for ever.
 */

/** Retries per request: at ~20% faults, nine attempts all failing is about one in two million. */
const MAX_RETRIES = 8;
/** The retry budget of one run: retries start only while it lasts. */
class RetryBudget {
    seconds;
    #deadline;
    #now;
    constructor(seconds, now = Date.now) {
        this.seconds = seconds;
        this.#now = now;
        this.#deadline = now() + seconds * 1000;
    }
    get spent() {
        return this.#now() > this.#deadline;
    }
}
/** Thrown instead of a retry once the run's retry budget is spent; never retried itself. */
class RetryBudgetSpent extends Error {
    name = 'RetryBudgetSpent';
}
function clientOptions(budget) {
    return {
        retryOptions: { maxRetries: MAX_RETRIES, retryDelayInMs: 200, maxRetryDelayInMs: 8000 },
        userAgentOptions: { userAgentPrefix: 'entra-tenant-bridge' },
        additionalPolicies: [{ policy: budgetPolicy(budget), position: 'perRetry' }]
    };
}
/** Lets a request's first attempt through, and a retry only while the budget lasts. */
function budgetPolicy(budget) {
    const attempts = new WeakMap();
    return {
        name: 'entraTenantBridgeRetryBudget',
        sendRequest: (request, next) => {
            const attempt = (attempts.get(request) ?? 0) + 1;
            attempts.set(request, attempt);
            if (attempt > 1 && budget.spent) {
                throw new RetryBudgetSpent(`transient failure, not retried: the run's retry budget (${budget.seconds} s) is spent`);
            }
            return next(request);
        }
    };
}
/** A pipeline built from the same options, for clients that bring no pipeline of their own. */
function pipelineFor(options) {
    const pipeline = (0,esm/* createPipelineFromOptions */.Fp)({
        retryOptions: options.retryOptions,
        userAgentOptions: options.userAgentOptions
    });
    for (const { policy, position } of options.additionalPolicies) {
        pipeline.addPolicy(policy, position === 'perRetry' ? { afterPhase: 'Retry' } : {});
    }
    return { pipeline, httpClient: (0,esm/* createDefaultHttpClient */.fl)() };
}
/**
 * The Graph client's last middleware: the request it built (already authenticated by its AuthenticationHandler)
 * goes out through the Azure pipeline, and the answer comes back as the fetch Response the client expects.
 */
class PipelineMiddleware {
    #pipeline;
    #httpClient;
    constructor(options) {
        const { pipeline, httpClient } = pipelineFor(options);
        this.#pipeline = pipeline;
        this.#httpClient = httpClient;
    }
    async execute(context) {
        const url = typeof context.request === 'string' ? context.request : context.request.url;
        const init = context.options ?? {};
        const headers = (0,esm/* createHttpHeaders */.Nc)();
        new Headers(init.headers).forEach((value, name) => headers.set(name, value));
        const request = (0,esm/* createPipelineRequest */.G6)({
            url,
            method: (init.method ?? 'GET').toUpperCase(),
            headers,
            body: typeof init.body === 'string' ? init.body : undefined
        });
        const response = await this.#pipeline.sendRequest(this.#httpClient, request);
        const empty = response.status === 204 || response.status === 304 || init.method === 'HEAD';
        context.response = new Response(empty ? null : (response.bodyAsText ?? ''), {
            status: response.status,
            headers: response.headers.toJSON()
        });
    }
}

;// CONCATENATED MODULE: ./src/azure/errors.ts

/**
 * What kind of failure an HTTP status (or none: -1, no answer) is. Throttling, 5xx, timeouts and dropped
 * connections pass; the pipeline has already retried them, so the run reports them as transient, never as a
 * verdict about the tenant or the app.
 */
function failureKindOf(statusCode) {
    if (statusCode === undefined ||
        statusCode <= 0 ||
        statusCode === 408 ||
        statusCode === 429 ||
        statusCode >= 500) {
        return 'transient';
    }
    return statusCode === 401 || statusCode === 403 ? 'denied' : 'other';
}
/** A failed request to an Azure service, in the product's words; the service's own error is its `cause`. */
class AzureRequestError extends Error {
    name = 'AzureRequestError';
    kind;
    constructor(message, statusCode, cause) {
        const kind = failureKindOf(statusCode);
        super(kind === 'transient' ? `Transient (retried up to ${MAX_RETRIES} times): ${message}` : message, {
            cause
        });
        this.kind = kind;
    }
}

;// CONCATENATED MODULE: ./src/azure/app-registration.ts
/**
 * The multi-tenant app in the provider tenant, through Microsoft Graph v1.0: read, upsert by uniqueName, its
 * federated credentials, its service principal and its passwords. Graph errors are mapped here, once.
 */






const GRAPH_VERSION = 'v1.0';
function graphClient(cloud, credential, options) {
    const authentication = new src/* AuthenticationHandler */.zA(new azureTokenCredentials.TokenCredentialAuthenticationProvider(credential, { scopes: [(0,src_cloud/* defaultScope */._V)(cloud.graphAudience)] }));
    return src/* Client */.Kj.initWithMiddleware({
        // Authentication, then the Azure pipeline (retries, proxy, user agent) in place of Graph's own fetch chain.
        middleware: [authentication, new PipelineMiddleware(options)],
        baseUrl: cloud.graphEndpoint,
        defaultVersion: GRAPH_VERSION,
        // Without it the client sends no Authorization header to a host that is not Microsoft Graph's own.
        customHosts: new Set([new URL(cloud.graphEndpoint).hostname])
    });
}
/** OData string literal: a single quote is doubled. */
function odata(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
function graphErrorOf(error, doing) {
    if (error instanceof src/* GraphError */.h9) {
        return new AzureRequestError(`${doing}: ${error.code ?? 'error'} (HTTP ${error.statusCode}) ${error.message}`, error.statusCode, error);
    }
    return new AzureRequestError(`${doing}: ${error.message}`, -1, error);
}
const isStatus = (error, status) => error instanceof src/* GraphError */.h9 && error.statusCode === status;
/**
 * A fresh application is not yet known to the service-principal endpoint for a while (replication).
 * Source: https://learn.microsoft.com/graph/api/serviceprincipal-post-serviceprincipals
 */
function isReplicationLag(error) {
    return (error instanceof src/* GraphError */.h9 &&
        (error.statusCode === 404 ||
            (error.statusCode === 400 &&
                /does not reference a valid application object|does not exist/i.test(error.message))));
}
const APP_FIELDS = 'id,appId,uniqueName,displayName,signInAudience,web,passwordCredentials';
class AppRegistrations {
    #graph;
    #retry;
    constructor(graph, retry = REPLICATION_RETRY) {
        this.#graph = graph;
        this.#retry = retry;
    }
    async find(uniqueName) {
        let raw;
        try {
            raw = await this.#graph
                .api(`/applications(uniqueName=${odata(uniqueName)})`)
                .select(APP_FIELDS)
                .get();
        }
        catch (error) {
            if (isStatus(error, 404))
                return { status: 'missing' };
            // Under Application.ReadWrite.OwnedBy an app the automation identity does not own is out of its reach.
            if (isStatus(error, 403))
                return { status: 'not-owned', detail: graphErrorOf(error, 'reading the app').message };
            throw graphErrorOf(error, `reading application ${uniqueName}`);
        }
        return {
            status: 'found',
            app: { ...toApplication(raw), federatedCredentials: await this.federatedCredentials(raw.id) }
        };
    }
    async federatedCredentials(appObjectId) {
        try {
            return await this.#all(`/applications/${appObjectId}/federatedIdentityCredentials`);
        }
        catch (error) {
            throw graphErrorOf(error, 'listing federated credentials');
        }
    }
    async servicePrincipal(appId) {
        try {
            const page = (await this.#graph
                .api('/servicePrincipals')
                .filter(`appId eq ${odata(appId)}`)
                .select('id,accountEnabled')
                .get());
            const found = page.value[0];
            return found ? { id: found.id, accountEnabled: found.accountEnabled !== false } : undefined;
        }
        catch (error) {
            throw graphErrorOf(error, 'reading the service principal');
        }
    }
    /**
     * Creates or updates the app by its uniqueName in one idempotent request (`Prefer: create-if-missing`:
     * 201 with the new app, 204 when it existed). Source: https://learn.microsoft.com/graph/api/application-upsert
     */
    async upsert(uniqueName, shape) {
        const body = {
            displayName: shape.displayName,
            signInAudience: shape.signInAudience,
            web: { redirectUris: shape.redirectUris }
        };
        let response;
        try {
            response = await this.#graph
                .api(`/applications(uniqueName=${odata(uniqueName)})`)
                .header('Prefer', 'create-if-missing')
                .patch(body);
        }
        catch (error) {
            throw graphErrorOf(error, `upserting application ${uniqueName}`);
        }
        if (response && typeof response === 'object' && 'appId' in response) {
            return { created: true, app: { ...toApplication(response), federatedCredentials: [] } };
        }
        return { created: false };
    }
    async createFederatedCredential(appObjectId, credential) {
        try {
            await retryWhile(() => this.#graph.api(`/applications/${appObjectId}/federatedIdentityCredentials`).post(credential), error => isStatus(error, 404), this.#retry);
        }
        catch (error) {
            // A retried POST whose first answer was lost meets its own work: the same credential, already there.
            if (isStatus(error, 409) && (await this.#hasFederatedCredential(appObjectId, credential)))
                return;
            throw graphErrorOf(error, `creating federated credential ${credential.name}`);
        }
    }
    async #hasFederatedCredential(appObjectId, want) {
        const have = (await this.federatedCredentials(appObjectId)).find(fic => fic.name === want.name);
        return (have !== undefined &&
            have.issuer === want.issuer &&
            have.subject === want.subject &&
            have.audiences.join(' ') === want.audiences.join(' '));
    }
    /** `name` is immutable in Entra; issuer, subject, audiences and description may change. */
    async updateFederatedCredential(appObjectId, id, change) {
        try {
            await this.#graph.api(`/applications/${appObjectId}/federatedIdentityCredentials/${id}`).patch(change);
        }
        catch (error) {
            throw graphErrorOf(error, 'updating a federated credential');
        }
    }
    /** Retries while a fresh application has not replicated to the service-principal endpoint. */
    async createServicePrincipal(appId) {
        try {
            const created = (await retryWhile(() => this.#graph.api('/servicePrincipals').post({ appId }), isReplicationLag, this.#retry));
            return { id: created.id, accountEnabled: created.accountEnabled !== false };
        }
        catch (error) {
            // As above: a retried POST after a lost answer finds the principal it made.
            const existing = isStatus(error, 409) ? await this.servicePrincipal(appId) : undefined;
            if (existing)
                return existing;
            throw graphErrorOf(error, 'creating the service principal');
        }
    }
    /** Adds a password with an explicit end date (a tenant policy may cap lifetimes; Graph's default is 2 years). */
    async addPassword(appObjectId, displayName, endDateTime) {
        try {
            const created = (await retryWhile(() => this.#graph
                .api(`/applications/${appObjectId}/addPassword`)
                .post({ passwordCredential: { displayName, endDateTime: endDateTime.toISOString() } }), error => isStatus(error, 404), this.#retry));
            return { keyId: created.keyId, secretText: created.secretText, endDateTime: created.endDateTime };
        }
        catch (error) {
            throw graphErrorOf(error, 'adding a password');
        }
    }
    async removePassword(appObjectId, keyId) {
        try {
            await this.#graph.api(`/applications/${appObjectId}/removePassword`).post({ keyId });
        }
        catch (error) {
            throw graphErrorOf(error, 'removing a password');
        }
    }
    async #all(path) {
        const items = [];
        const first = (await this.#graph.api(path).get());
        const pages = new src/* PageIterator */.eO(this.#graph, first, item => {
            items.push(item);
            return true;
        });
        await pages.iterate();
        return items;
    }
}
function toApplication(raw) {
    return {
        id: raw.id,
        appId: raw.appId,
        uniqueName: raw.uniqueName ?? '',
        displayName: raw.displayName ?? '',
        signInAudience: raw.signInAudience ?? '',
        redirectUris: raw.web?.redirectUris ?? [],
        passwordCredentials: raw.passwordCredentials ?? []
    };
}

// EXTERNAL MODULE: ./src/model/aadsts.ts
var aadsts = __webpack_require__(78031);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 182 modules
var dist_esm = __webpack_require__(25563);
;// CONCATENATED MODULE: ./src/azure/credentials.ts
/**
 * Credentials: the automation identity in the provider tenant (GitHub OIDC → federated credential) and the
 * multi-tenant app in any tenant (its Key Vault secret, or the same GitHub OIDC token as a federated assertion).
 */

/** The claims of a JWT, read without verifying it: the action presents the token, it does not trust it. */
function jwtClaims(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        throw new Error('not a JWT');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null)
        throw new Error('JWT payload is not an object');
    return claims;
}
function oidcIdentityOf(jwt) {
    const claims = jwtClaims(jwt);
    const aud = Array.isArray(claims.aud) ? claims.aud.join(' ') : String(claims.aud ?? '');
    return { iss: String(claims.iss ?? ''), sub: String(claims.sub ?? ''), aud, exp: Number(claims.exp ?? 0) };
}
/**
 * GitHub OIDC tokens live about five minutes, and ClientAssertionCredential asks for an assertion on every
 * getToken (even a cache hit): one token is reused until shortly before its `exp`, then fetched afresh, so a long
 * run never presents an expired assertion (AADSTS700024). Concurrent callers share one fetch.
 */
function memoisedAssertion(fetchToken, options = {}) {
    const now = options.now ?? Date.now;
    const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;
    let current;
    let inFlight;
    return async () => {
        if (current && now() < current.expiresAtMs - refreshBeforeMs)
            return current.token;
        inFlight ??= fetchToken()
            .then(token => {
            const identity = oidcIdentityOf(token);
            current = { token, expiresAtMs: identity.exp * 1000 };
            options.onFetched?.(identity);
            return token;
        })
            .finally(() => {
            inFlight = undefined;
        });
        return inFlight;
    };
}
/**
 * Whether GitHub's OIDC token request failed for a reason that passes: @actions/core retries only 502, 503 and
 * 504 of a GET, and reports any other failure — a 429, a 500, a dropped connection — as one message with the
 * status in it ("Error Code : 429"), so that is what is read here.
 * https://github.com/actions/toolkit/blob/main/packages/core/src/oidc-utils.ts
 */
function isTransientOidcFailure(error) {
    const message = error instanceof Error ? error.message : String(error);
    return (/Error Code : (408|429|5\d\d)\b/.test(message) ||
        /ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|socket hang up/i.test(message));
}
/** 0.5, 1, 2, 4, 8 s between attempts at GitHub's OIDC token: about 15 s in all. */
const OIDC_RETRY = { delaysMs: [500, 1000, 2000, 4000, 8000] };
function credentialOptions(cloud, options) {
    // Instance discovery asks login.microsoftonline.com about the authority; a custom cloud's authority is not known
    // there (MSAL then fails after a timeout), so it is trusted as configured.
    return { ...options, authorityHost: cloud.authorityHost, disableInstanceDiscovery: cloud.name === 'custom' };
}
/** A credential that presents the GitHub OIDC token as a client assertion for `clientId` in `tenantId`. */
function assertionCredential(cloud, tenantId, clientId, getAssertion, options) {
    return new dist_esm/* ClientAssertionCredential */.XI(tenantId, clientId, getAssertion, credentialOptions(cloud, options));
}
/** A credential for `clientId` in `tenantId` with a client secret. */
function secretCredential(cloud, tenantId, clientId, secret, options) {
    return new dist_esm/* ClientSecretCredential */.HC(tenantId, clientId, secret, credentialOptions(cloud, options));
}

;// CONCATENATED MODULE: ./src/azure/entra-errors.ts
/**
 * Entra ID token-endpoint failures, reduced to the numbers that matter. @azure/identity wraps an AADSTS error
 * in an AuthenticationRequiredError whose `cause` is MSAL's ServerError: `errorNo` carries `error_codes[0]` and
 * `errorCode` the OAuth `error` (https://learn.microsoft.com/javascript/api/@azure/msal-node/servererror). The number is the contract; the
 * prose is not (https://learn.microsoft.com/entra/identity-platform/reference-error-codes: "don't branch on the
 * error_description").
 */


/** Codes that a fresh credential or federated credential shows while the directory replicates it. */
const REPLICATION_LAG_CODES = new Set([
    aadsts/* AADSTS */.J.invalidClientSecret,
    aadsts/* AADSTS */.J.expiredClientSecret,
    aadsts/* AADSTS */.J.noMatchingFederatedRecord,
    aadsts/* AADSTS */.J.noMatchingFederatedSubject
]);
/** What a failed `getToken` says, read from the MSAL error the SDK wraps. */
function entraFailureOf(error) {
    const outer = error instanceof Error ? error : new Error(String(error));
    const cause = outer.cause;
    const description = typeof cause?.errorMessage === 'string' ? cause.errorMessage : outer.message;
    const codeFromCause = cause?.errorNo === undefined ? undefined : Number(cause.errorNo);
    // Only when the number was not carried (older SDKs, other wrappers) is it read from the AADSTS prefix.
    const code = Number.isFinite(codeFromCause) ? codeFromCause : aadstsNumberIn(outer.message);
    return {
        code,
        error: typeof cause?.errorCode === 'string' ? cause.errorCode : undefined,
        traceId: /Trace ID: ([0-9a-f-]{36})/i.exec(description)?.[1],
        correlationId: (typeof cause?.correlationId === 'string' && cause.correlationId) ||
            /Correlation ID: ([0-9a-f-]{36})/i.exec(description)?.[1],
        message: firstLine(description)
    };
}
function aadstsNumberIn(text) {
    const match = /AADSTS(\d+)/.exec(text);
    return match ? Number(match[1]) : undefined;
}
function firstLine(text) {
    const aadsts = /AADSTS\d+:[^\r\n]*/.exec(text)?.[0] ?? text.split(/\r?\n/)[0] ?? text;
    return aadsts.replace(/\s*Trace ID:.*$/, '').trim();
}

;// CONCATENATED MODULE: ./src/azure/consent-probe.ts







async function probeConsent(credential, options) {
    const scope = (0,src_cloud/* defaultScope */._V)(options.armAudience);
    const request = async () => {
        // ARM's SDK asks with continuous access evaluation on, and @azure/identity keeps CAE and non-CAE tokens in
        // separate caches: asking the same way lets the role-assignment reads reuse this token.
        const token = await credential.getToken(scope, { enableCae: true });
        if (!token)
            throw new Error('the token endpoint returned no token');
        options.mask?.(token.token);
        return token.token;
    };
    try {
        const token = options.freshCredential
            ? await retryWhile(request, error => isLag(error), options.freshCredential)
            : await request();
        const oid = jwtClaims(token).oid;
        return { kind: 'token', principalId: typeof oid === 'string' ? oid.toLowerCase() : undefined };
    }
    catch (error) {
        if (isUnknownAuthority(error))
            return authorityAnswer(options);
        const failure = entraFailureOf(error);
        if (failure.code === undefined)
            return { kind: 'failed', detail: transientDetail(error, failure.message) };
        return { kind: 'refused', code: failure.code, traceId: failure.traceId, detail: failure.message };
    }
}
/**
 * MSAL reads the tenant's OpenID configuration before the token request; for a tenant Entra does not know that
 * read fails (400, AADSTS90002), but MSAL reports only `endpoints_resolution_error`, without the number — and says
 * the same after a 503 or a dropped connection (https://learn.microsoft.com/entra/msal/javascript/browser/errors).
 */
function isUnknownAuthority(error) {
    return (error instanceof Error &&
        error.name === 'CredentialUnavailableError' &&
        error.message.includes('endpoints_resolution_error'));
}
function isLag(error) {
    const code = entraFailureOf(error).code;
    return code !== undefined && REPLICATION_LAG_CODES.has(code);
}
/**
 * Why the authority could not be resolved, asked once more through the run's pipeline (with its retries): only
 * Entra's own AADSTS90002 makes a tenant `tenant-not-found`; anything else is a transient failure, not a verdict.
 */
async function authorityAnswer(options) {
    const { pipeline, httpClient } = pipelineFor(options.clientOptions);
    try {
        const response = await pipeline.sendRequest(httpClient, (0,esm/* createPipelineRequest */.G6)({ url: options.discoveryUrl, method: 'GET' }));
        const codes = errorCodesOf(response.bodyAsText);
        if (response.status === 400 && codes.includes(aadsts/* AADSTS */.J.tenantNotFound)) {
            return {
                kind: 'no-authority',
                code: aadsts/* AADSTS */.J.tenantNotFound,
                detail: 'Entra has no OpenID configuration for this tenant in this cloud (AADSTS90002): the tenant does not exist, or it is in another cloud.'
            };
        }
        return {
            kind: 'failed',
            detail: `Transient: the tenant's OpenID configuration could not be read (HTTP ${response.status}, retried up to ${MAX_RETRIES} times).`
        };
    }
    catch (error) {
        return { kind: 'failed', detail: transientDetail(error, error.message) };
    }
}
function errorCodesOf(body) {
    try {
        const parsed = JSON.parse(body ?? '');
        return Array.isArray(parsed.error_codes) ? parsed.error_codes.map(Number) : [];
    }
    catch {
        return [];
    }
}
/** A failure with no AADSTS number: no answer from Entra at all, after the pipeline's retries. */
function transientDetail(error, message) {
    if (error instanceof RetryBudgetSpent || error.cause instanceof RetryBudgetSpent) {
        return `Transient: ${message}`;
    }
    return `Transient: no answer from Entra after retrying up to ${MAX_RETRIES} times (${message}).`;
}

// EXTERNAL MODULE: ./node_modules/@azure/keyvault-secrets/dist/esm/index.js + 47 modules
var keyvault_secrets_dist_esm = __webpack_require__(79336);
;// CONCATENATED MODULE: ./src/azure/key-vault.ts
/**
 * The app's secret in the provider Key Vault. Each rotation writes a new version of one secret name, with the
 * Entra password's keyId in a tag so the version and the credential can be matched, and `exp` = the password's
 * end date (Key Vault then raises SecretNearExpiry for anyone watching).
 * Source: https://learn.microsoft.com/rest/api/keyvault/secrets/set-secret/set-secret
 */



/** Tag holding the Entra passwordCredential keyId the version's value belongs to. */
const KEY_ID_TAG = 'entra-key-id';
const APP_ID_TAG = 'entra-app-id';
const CONTENT_TYPE = 'text/plain; entra client secret';
function secretClient(cloud, keyVault, credential, options) {
    const url = (0,src_cloud/* keyVaultUrl */.ly)(cloud, keyVault);
    // The challenge names the resource `https://vault.azure.net`; a vault outside the cloud's own DNS suffix (a
    // custom cloud, a verbatim URL) is not under it, and the SDK would otherwise refuse the challenge.
    const underSuffix = cloud.keyVaultDnsSuffix !== undefined && new URL(url).hostname.endsWith(`.${cloud.keyVaultDnsSuffix}`);
    return new keyvault_secrets_dist_esm/* SecretClient */._V(url, credential, {
        ...options,
        disableChallengeResourceVerification: !underSuffix || cloud.name === 'custom'
    });
}
function keyVaultErrorOf(error, doing) {
    const e = error;
    return new AzureRequestError(`${doing}: ${e.code ?? 'error'} (HTTP ${e.statusCode ?? '?'}) ${key_vault_firstLine(e.message ?? '')}`, e.statusCode ?? -1, error);
}
function key_vault_firstLine(text) {
    return text.split(/\r?\n/)[0] ?? '';
}
async function readSecret(client, name, onValue) {
    try {
        const secret = await client.getSecret(name);
        if (secret.value === undefined)
            return { status: 'missing' };
        onValue(secret.value);
        return {
            status: 'found',
            secret: {
                value: secret.value,
                version: secret.properties.version ?? '',
                expiresOn: secret.properties.expiresOn,
                keyId: secret.properties.tags?.[KEY_ID_TAG]
            }
        };
    }
    catch (error) {
        const e = error;
        if (e.statusCode === 404 && e.code === 'SecretNotFound')
            return { status: 'missing' };
        throw keyVaultErrorOf(error, `reading secret ${name}`);
    }
}
async function storeSecret(client, name, value, meta) {
    try {
        const stored = await client.setSecret(name, value, {
            contentType: CONTENT_TYPE,
            expiresOn: meta.expiresOn,
            tags: { [KEY_ID_TAG]: meta.keyId, [APP_ID_TAG]: meta.appId }
        });
        return { version: stored.properties.version ?? '' };
    }
    catch (error) {
        throw keyVaultErrorOf(error, `storing secret ${name}`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@azure/arm-authorization/dist/index.js
var dist = __webpack_require__(71043);
;// CONCATENATED MODULE: ./src/azure/role-assignments.ts
/**
 * Azure role assignments of the app's service principal in a customer tenant, through ARM
 * Microsoft.Authorization (api-version 2022-04-01, the SDK's). Errors are mapped here, once.
 * Source: https://learn.microsoft.com/rest/api/authorization/role-assignments
 */




/**
 * The namespace of ARM template `guid()` (UUIDv5 over the arguments joined with `-`), so that the action names an
 * assignment exactly as a Bicep `guid(scope, principalId, roleId)` would
 * (https://learn.microsoft.com/azure/azure-resource-manager/bicep/scenarios-rbac#name).
 */
const ROLE_ASSIGNMENT_NAMESPACE = '11fb06fb-712d-4ddd-98c7-e71bbd588830';
const ARM_ERRORS = {
    exists: 'RoleAssignmentExists',
    principalNotFound: 'PrincipalNotFound',
    authorizationFailed: 'AuthorizationFailed',
    wrongTenant: 'InvalidAuthenticationTokenTenant'
};
function uuidv5(name, namespace) {
    const hash = (0,external_node_crypto_.createHash)('sha1')
        .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
        .update(name, 'utf8')
        .digest();
    hash[6] = (hash[6] & 0x0f) | 0x50;
    hash[8] = (hash[8] & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** A stable name for (scope, principal, role): re-applying is a no-op PUT, never a duplicate. */
function roleAssignmentName(scope, principalId, roleDefinitionId) {
    return uuidv5([scope, principalId, roleDefinitionId].map(part => part.toLowerCase()).join('-'), ROLE_ASSIGNMENT_NAMESPACE);
}
/** The trailing GUID of any form of roleDefinitionId ARM returns or takes. */
function roleGuidOf(roleDefinitionId) {
    return (roleDefinitionId.split('/').pop() ?? '').toLowerCase();
}
/** Whether an assignment at `assigned` applies at `wanted`: the same scope or one above it. */
function coversScope(assigned, wanted) {
    const a = assigned.replace(/\/+$/, '').toLowerCase();
    const w = wanted.replace(/\/+$/, '').toLowerCase();
    return a === '' || a === w || w.startsWith(`${a}/`);
}
/**
 * One client for a tenant's every scope. The constructor wants a subscription id, but it only enters the paths of
 * subscription-bound operations; the scope-based ones used here (list for scope, create, get) take the scope
 * whole, so a placeholder serves. https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope
 */
const NO_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
function subscriptionOf(scope) {
    return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? NO_SUBSCRIPTION;
}
function armClient(cloud, credential, options) {
    return new dist/* AuthorizationManagementClient */.IK(credential, NO_SUBSCRIPTION, {
        ...options,
        endpoint: cloud.armEndpoint,
        credentialScopes: [(0,src_cloud/* defaultScope */._V)(cloud.armAudience)]
    });
}
function armErrorOf(error) {
    const e = error;
    return {
        statusCode: e.statusCode ?? -1,
        code: e.code ?? '',
        message: (e.message ?? String(error)).split(/\r?\n/)[0] ?? ''
    };
}
class RoleAssignments {
    #client;
    #retry;
    constructor(client, retry = REPLICATION_RETRY) {
        this.#client = client;
        this.#retry = retry;
    }
    /** Whether the principal holds the role at the scope, directly or from a scope above it. */
    async check(scope, roleDefinitionId, principalId) {
        try {
            const assignments = this.#client(scope).roleAssignments.listForScope(scope, {
                filter: `principalId eq '${principalId}'`
            });
            for await (const assignment of assignments) {
                if (roleGuidOf(assignment.roleDefinitionId ?? '') === roleDefinitionId.toLowerCase() &&
                    (assignment.principalId ?? '').toLowerCase() === principalId.toLowerCase() &&
                    coversScope(assignment.scope ?? '', scope)) {
                    return { status: 'present', via: assignment.scope ?? scope };
                }
            }
            return { status: 'missing' };
        }
        catch (error) {
            const e = armErrorOf(error);
            return { status: 'unverifiable', detail: `${e.code || 'error'} (HTTP ${e.statusCode}): ${e.message}` };
        }
    }
    /**
     * Creates the assignment under its deterministic name, with `principalType: ServicePrincipal` so that ARM does
     * not insist on seeing a just-consented principal (documented for replication delays), retrying PrincipalNotFound
     * for the lag that remains. A 409 RoleAssignmentExists means it is there under another name: nothing to do.
     */
    async assign(scope, roleDefinitionId, principalId) {
        const client = this.#client(scope);
        const name = roleAssignmentName(scope, principalId, roleDefinitionId);
        const roleDefinition = `${scope.startsWith('/subscriptions/') ? `/subscriptions/${subscriptionOf(scope)}` : ''}/providers/Microsoft.Authorization/roleDefinitions/${roleDefinitionId}`;
        try {
            await retryWhile(() => client.roleAssignments.create(scope, name, {
                roleDefinitionId: roleDefinition,
                principalId,
                principalType: 'ServicePrincipal'
            }), error => armErrorOf(error).code === ARM_ERRORS.principalNotFound, this.#retry);
            return { status: 'applied' };
        }
        catch (error) {
            const e = armErrorOf(error);
            if (e.code === ARM_ERRORS.exists)
                return { status: 'present' };
            if (e.statusCode === 403)
                return { status: 'not-permitted', detail: `${e.code}: ${e.message}` };
            return { status: 'failed', detail: `${e.code || 'error'} (HTTP ${e.statusCode}): ${e.message}` };
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/azure.ts









/** A failure of the whole run (not of one tenant), with what to do about it. */
class BridgeError extends Error {
    name = 'BridgeError';
}
const FEDERATION_MISMATCH = new Set([
    aadsts/* AADSTS */.J.noMatchingFederatedRecord,
    aadsts/* AADSTS */.J.federatedIssuerMismatch,
    aadsts/* AADSTS */.J.federatedAudienceMismatch,
    aadsts/* AADSTS */.J.noMatchingFederatedSubject,
    aadsts/* AADSTS */.J.federatedSubjectCaseMismatch
]);
function azurePorts(settings, config) {
    const { cloud } = settings;
    const options = clientOptions(new RetryBudget(settings.retryBudgetSeconds));
    let presented;
    const fetchIdToken = () => retryWhile(() => settings.getIdToken(cloud.oidcAudience), isTransientOidcFailure, settings.oidcRetry ?? OIDC_RETRY);
    const getAssertion = memoisedAssertion(fetchIdToken, {
        onFetched: identity => {
            presented = identity;
            settings.info(`GitHub OIDC token: iss=${identity.iss} sub=${identity.sub} aud=${identity.aud}`);
        }
    });
    const provider = assertionCredential(cloud, settings.tenantId, settings.clientId, getAssertion, options);
    const credential = config.app.credential;
    const vault = credential.kind === 'secret' ? secretClient(cloud, credential.keyVault, provider, options) : undefined;
    const secrets = vault && credential.kind === 'secret'
        ? {
            read: () => readSecret(vault, credential.secretName, settings.mask),
            store: (value, meta) => storeSecret(vault, credential.secretName, value, meta)
        }
        : undefined;
    return {
        // Sign in to the provider tenant first: a federated-credential mismatch is the most common set-up error, and
        // it is clearer here, once, than as a failure of every later call.
        signIn: () => signIn(provider, settings, () => presented),
        provider: {
            apps: new AppRegistrations(graphClient(cloud, provider, options), settings.retry),
            ...(secrets ? { secrets } : {}),
            proveSecret: (appId, value) => proveSecret(secretCredential(cloud, settings.tenantId, appId, value, options), settings),
            mask: settings.mask
        },
        tenants: access => tenantPorts(settings, options, config, access, getAssertion)
    };
}
/** The app in each customer tenant, signed in with its own credential: the secret, or the GitHub assertion. */
function tenantPorts(settings, options, config, access, getAssertion) {
    const { cloud } = settings;
    const { app, secret } = access;
    const signInAsApp = (tenantId) => {
        if (!app)
            return undefined;
        if (config.app.credential.kind === 'federated') {
            return assertionCredential(cloud, tenantId, app.appId, getAssertion, options);
        }
        return secret === undefined ? undefined : secretCredential(cloud, tenantId, app.appId, secret, options);
    };
    // One port per tenant, so that MSAL's token cache serves the role-assignment reads after the probe.
    const ports = new Map();
    const portFor = (tenantId) => {
        const credential = signInAsApp(tenantId);
        if (!credential)
            return undefined;
        const arm = armClient(cloud, credential, options);
        const assignments = new RoleAssignments(() => arm, settings.retry);
        return {
            probeConsent: () => probeConsent(credential, {
                armAudience: cloud.armAudience,
                discoveryUrl: `${cloud.authorityHost}/${tenantId}/v2.0/.well-known/openid-configuration`,
                clientOptions: options,
                freshCredential: access.freshCredential ? settings.retry : undefined,
                mask: settings.mask
            }),
            checkRoleAssignment: (scope, roleDefinitionId, principalId) => assignments.check(scope, roleDefinitionId, principalId),
            assignRole: (scope, roleDefinitionId, principalId) => assignments.assign(scope, roleDefinitionId, principalId)
        };
    };
    return {
        tenant: tenantId => {
            if (!ports.has(tenantId))
                ports.set(tenantId, portFor(tenantId));
            return ports.get(tenantId);
        },
        noCredentialReason: noCredentialReason(config, access.storedSecret)
    };
}
/** Signs in as the automation identity; returns its object id (the token's `oid`) for fix commands. */
async function signIn(credential, settings, presented) {
    try {
        const token = await credential.getToken((0,src_cloud/* defaultScope */._V)(settings.cloud.graphAudience));
        if (!token)
            throw new Error('no token');
        settings.mask(token.token);
        const claims = jwtClaims(token.token);
        const roles = Array.isArray(claims.roles) ? claims.roles.filter(r => typeof r === 'string') : [];
        return { automationObjectId: typeof claims.oid === 'string' ? claims.oid : undefined, graphRoles: roles };
    }
    catch (error) {
        throw new BridgeError(signInFailure(error, settings, presented()));
    }
}
function signInFailure(error, settings, presented) {
    const failure = entraFailureOf(error);
    const code = failure.code === undefined ? '' : ` (AADSTS${failure.code})`;
    if (failure.code !== undefined && FEDERATION_MISMATCH.has(failure.code) && presented) {
        return (`Sign-in to the provider tenant ${settings.tenantId} failed${code}: no federated credential on client-id ${settings.clientId} ` +
            `matches this workflow's token (issuer ${presented.iss}, subject ${presented.sub}, audience ${presented.aud}). ` +
            'Add a federated credential with exactly this subject — it is case-sensitive — to the automation identity.');
    }
    return `Sign-in to the provider tenant ${settings.tenantId} as client-id ${settings.clientId} failed${code}: ${failure.message}`;
}
function noCredentialReason(config, stored) {
    const credential = config.app.credential;
    if (credential.kind !== 'secret')
        return 'The app has no credential to sign in with.';
    return stored === 'missing'
        ? `Key Vault has no secret ${credential.secretName} yet: apply creates one; consent is checked with it.`
        : `The app's secret could not be read from Key Vault ${credential.keyVault}.`;
}
/** A new secret replicates for seconds before it authenticates; until then Entra says it is invalid. */
async function proveSecret(credential, settings) {
    await retryWhile(async () => {
        const token = await credential.getToken((0,src_cloud/* defaultScope */._V)(settings.cloud.armAudience));
        if (!token)
            throw new Error('no token');
        settings.mask(token.token);
    }, error => {
        const code = entraFailureOf(error).code;
        return code !== undefined && REPLICATION_LAG_CODES.has(code);
    }, settings.retry);
}

;// CONCATENATED MODULE: ./src/apply/apply.ts
const SECRET_DISPLAY_NAME = 'entra-tenant-bridge';
const DAY_MS = 86_400_000;
async function applyProvider(steps, app, writers) {
    const done = [];
    const result = { steps: done, app, changed: false };
    let blocked;
    for (const step of steps) {
        if (!step.write) {
            done.push({ ...step, outcome: 'manual' });
            continue;
        }
        if (blocked) {
            done.push({ ...step, outcome: 'skipped', detail: blocked });
            continue;
        }
        try {
            const detail = await applyProviderStep(step, result, writers);
            result.changed = true;
            done.push({ ...step, outcome: 'done', ...(detail ? { detail } : {}) });
        }
        catch (error) {
            done.push({ ...step, outcome: 'failed', detail: error.message });
            if (step.kind === 'create-app' || step.kind === 'update-app')
                blocked = `skipped: ${step.kind} failed`;
        }
    }
    return result;
}
async function applyProviderStep(step, result, writers) {
    const appRef = () => {
        if (!result.app)
            throw new Error('the app does not exist');
        return result.app;
    };
    switch (step.kind) {
        case 'create-app':
        case 'update-app': {
            const upserted = await writers.apps.upsert(writers.uniqueName, step.shape);
            if (upserted.created) {
                result.app = { id: upserted.app.id, appId: upserted.app.appId };
                return `app id ${upserted.app.appId}`;
            }
            if (!result.app) {
                // Created by someone else between observe and apply: read it back.
                const found = await writers.apps.find(writers.uniqueName);
                if (found.status === 'found')
                    result.app = { id: found.app.id, appId: found.app.appId };
            }
            return undefined;
        }
        case 'create-federated-credential':
            await writers.apps.createFederatedCredential(appRef().id, step.credential);
            return undefined;
        case 'update-federated-credential':
            await writers.apps.updateFederatedCredential(appRef().id, step.id, {
                issuer: step.credential.issuer,
                subject: step.credential.subject,
                audiences: step.credential.audiences,
                description: step.credential.description ?? null
            });
            return undefined;
        case 'create-service-principal':
            await writers.apps.createServicePrincipal(appRef().appId);
            return undefined;
        case 'create-secret':
        case 'rotate-secret':
            return rotateSecret(step.lifetimeDays, appRef(), result, writers);
        default:
            throw new Error(`${step.kind} is not a provider write step`);
    }
}
/**
 * Adds a password, proves it authenticates, then stores it as a new Key Vault version. The old password is left
 * in place to expire on its own, so workloads that still hold it keep working. A new password that never
 * authenticates, or cannot be stored, is removed again: nothing can depend on it.
 */
async function rotateSecret(lifetimeDays, app, result, writers) {
    const end = new Date(writers.now().getTime() + lifetimeDays * DAY_MS);
    const created = await writers.apps.addPassword(app.id, `${SECRET_DISPLAY_NAME} ${writers.now().toISOString().slice(0, 10)}`, end);
    writers.mask(created.secretText);
    // Until it is stored, nothing can depend on the new password: on any failure it is removed again.
    const discard = async (why, error) => {
        await writers.apps.removePassword(app.id, created.keyId).catch(() => undefined);
        throw new Error(`${why}, so it was removed and the old one kept: ${error.message}`, {
            cause: error
        });
    };
    try {
        await writers.proveSecret(app.appId, created.secretText);
    }
    catch (error) {
        return discard('the new secret did not authenticate', error);
    }
    const expiresOn = new Date(created.endDateTime);
    let stored;
    try {
        if (!writers.secrets)
            throw new Error('no Key Vault is configured');
        stored = await writers.secrets.store(created.secretText, {
            expiresOn,
            keyId: created.keyId,
            appId: app.appId
        });
    }
    catch (error) {
        return discard('the new secret could not be stored in Key Vault', error);
    }
    result.secret = { value: created.secretText, version: stored.version, expiresOn };
    return `version ${stored.version}, expires ${expiresOn.toISOString().slice(0, 10)}`;
}
/** Role assignments in customer tenants; a refusal there is reported for the customer admin to act on. */
async function applyTenants(steps, ports) {
    const done = [];
    for (const step of steps) {
        if (step.kind !== 'assign-role') {
            done.push(step.write ? { ...step, outcome: 'skipped' } : { ...step, outcome: 'manual' });
            continue;
        }
        const tenant = ports.tenant(step.tenantId);
        if (!tenant) {
            done.push({ ...step, outcome: 'skipped', detail: 'no credential for this tenant' });
            continue;
        }
        const outcome = await tenant.assignRole(step.scope, step.roleDefinitionId, step.principalId);
        if (outcome.status === 'applied') {
            done.push({ ...step, outcome: 'done' });
        }
        else if (outcome.status === 'present') {
            done.push({ ...step, outcome: 'done', detail: 'already present under another name' });
        }
        else {
            // Not permitted: the customer keeps the right to grant roles; the report gives their admin the command.
            done.push({
                ...step,
                outcome: outcome.status === 'not-permitted' ? 'manual' : 'failed',
                detail: outcome.detail
            });
        }
    }
    return done;
}

;// CONCATENATED MODULE: ./src/concurrency.ts
/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the results. */
async function mapLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/model/observed.ts
/**
 * What the action found in Azure — the input of the (pure) planner, next to the tenants file. These are facts as
 * the services gave them, not verdicts: the planner decides what they mean.
 */
/** Documented value. Source: https://learn.microsoft.com/graph/api/resources/application */
const MULTI_TENANT_AUDIENCE = 'AzureADMultipleOrgs';
const FAILURE_KINDS = ['transient', 'denied', 'other'];
/** The kind a port's error declares (its `kind`), or `other` for an error that declares none. */
function failureOf(error) {
    const kind = error?.kind;
    return typeof kind === 'string' && FAILURE_KINDS.includes(kind) ? kind : 'other';
}

;// CONCATENATED MODULE: ./src/observe/observe.ts
/**
 * Reads what Azure holds, through the ports only. Nothing here writes, and nothing here judges: the observed
 * state is the services' answers, for the planner to decide on. A failure reading one tenant is that tenant's
 * finding and never stops the others.
 */


/** The provider side, and the secret's value when there is one (masked by the port; it is not observed state). */
async function observeProvider(config, ports) {
    const [app, secret] = await Promise.all([
        observeApp(config, ports.apps),
        observeSecret(config, ports.secrets)
    ]);
    return { observed: { app, secret: secret.observed }, secretValue: secret.value };
}
async function observeApp(config, apps) {
    try {
        const lookup = await apps.find(config.app.uniqueName);
        if (lookup.status !== 'found')
            return lookup;
        return {
            status: 'found',
            app: lookup.app,
            servicePrincipal: await apps.servicePrincipal(lookup.app.appId)
        };
    }
    catch (error) {
        return { status: 'error', detail: error.message, failure: failureOf(error) };
    }
}
async function observeSecret(config, secrets) {
    if (config.app.credential.kind !== 'secret' || !secrets)
        return { observed: { status: 'not-configured' } };
    try {
        const lookup = await secrets.read();
        if (lookup.status === 'missing')
            return { observed: { status: 'missing' } };
        const { value, version, expiresOn, keyId } = lookup.secret;
        return { observed: { status: 'found', version, expiresOn, keyId }, value };
    }
    catch (error) {
        return { observed: { status: 'error', detail: error.message, failure: failureOf(error) } };
    }
}
/** Consent (and the role assignments of consented tenants) in every customer tenant, concurrency-bounded. */
async function observeTenants(tenants, app, ports, concurrency) {
    const observed = await mapLimit(tenants, concurrency, tenant => observeTenant(tenant, app, ports));
    return new Map(observed.map(tenant => [tenant.tenantId, tenant]));
}
async function observeTenant(tenant, app, ports) {
    const notAsked = (because, detail) => ({
        tenantId: tenant.tenantId,
        consent: { kind: 'not-asked', because, detail },
        assignments: skipped(tenant)
    });
    if (app === 'unknown') {
        return notAsked('app-unknown', 'The app could not be read in the provider tenant, so consent was not checked.');
    }
    if (app === 'missing') {
        return notAsked('app-missing', 'The app does not exist yet: apply creates it, then the consent link can be sent.');
    }
    const port = ports.tenant(tenant.tenantId);
    if (!port)
        return notAsked('no-credential', ports.noCredentialReason);
    let consent;
    try {
        consent = await port.probeConsent();
    }
    catch (error) {
        consent = { kind: 'failed', detail: error.message };
    }
    const principalId = consent.kind === 'token' ? consent.principalId : undefined;
    if (!principalId)
        return { tenantId: tenant.tenantId, consent, assignments: skipped(tenant) };
    const assignments = [];
    for (const wanted of tenant.roleAssignments) {
        const lookup = await port.checkRoleAssignment(wanted.scope, wanted.roleDefinitionId, principalId);
        assignments.push({ scope: wanted.scope, roleDefinitionId: wanted.roleDefinitionId, lookup });
    }
    return { tenantId: tenant.tenantId, consent, assignments };
}
function skipped(tenant) {
    return tenant.roleAssignments.map(a => ({
        scope: a.scope,
        roleDefinitionId: a.roleDefinitionId,
        lookup: { status: 'skipped' }
    }));
}

;// CONCATENATED MODULE: ./src/plan/commands.ts
/** The commands a person runs where the action may not act itself: a customer's admin, a provider's admin. */
/**
 * The command a customer admin runs to grant a role assignment. Flags from
 * https://learn.microsoft.com/cli/azure/role/assignment#az-role-assignment-create: `--assignee-object-id` with
 * `--assignee-principal-type` avoids a Graph lookup the admin may not be allowed to make.
 */
function roleAssignmentCommand(principalId, roleDefinitionId, scope) {
    return [
        'az role assignment create',
        `--assignee-object-id ${shellQuote(principalId)}`,
        '--assignee-principal-type ServicePrincipal',
        `--role ${shellQuote(roleDefinitionId)}`,
        `--scope ${shellQuote(scope)}`
    ].join(' ');
}
/** POSIX single-quoting, only when needed: ARM scopes and GUIDs normally need none. */
function shellQuote(value) {
    return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * The one-time command for an admin of the provider tenant: Application.ReadWrite.OwnedBy cannot add owners
 * (https://learn.microsoft.com/graph/api/application-post-owners), so a person must.
 */
function ownerFixCommand(uniqueName, automationObjectId) {
    const owner = automationObjectId ?? '<object id of the automation identity>';
    return `az ad app owner add --id "$(az ad app list --filter "uniqueName eq '${uniqueName}'" --query '[0].appId' -o tsv)" --owner-object-id ${owner}`;
}

;// CONCATENATED MODULE: ./src/model/steps.ts
/** Stable keys of steps: the thing a step acts on, by id. */
const stepKey = {
    app: () => 'app',
    servicePrincipal: () => 'app/service-principal',
    owner: () => 'app/owner',
    federatedCredential: (name) => `app/federated-credential/${name}`,
    secret: () => 'app/secret',
    consent: (tenantId) => `tenant/${tenantId}/consent`,
    roleAssignment: (tenantId, scope, roleDefinitionId) => `tenant/${tenantId}/role-assignment/${scope.toLowerCase()}/${roleDefinitionId.toLowerCase()}`
};

;// CONCATENATED MODULE: ./src/plan/consent.ts
/**
 * What a customer tenant's answer to the consent probe means. The token endpoint's AADSTS number is the contract
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes); a status is only ever given for an
 * answer that says it.
 */

const NEEDS_CONSENT = new Set([
    aadsts/* AADSTS */.J.missingServicePrincipal,
    aadsts/* AADSTS */.J.appNotFoundInDirectory,
    aadsts/* AADSTS */.J.appNotFoundInOrgIdTenant
]);
const DISABLED = new Set([aadsts/* AADSTS */.J.appDisabled, aadsts/* AADSTS */.J.unauthorizedClientDisabled]);
/** Conditional Access and other customer-side policy blocks (530xx/53xxx family). */
const BLOCKED = new Set([
    53000,
    53001,
    53002,
    aadsts/* AADSTS */.J.blockedByConditionalAccess,
    53004,
    530032,
    530035
]);
/** The provider's own credential or federation setup was rejected: the customer cannot fix these. */
const PROVIDER = new Set([
    aadsts/* AADSTS */.J.invalidClientSecret,
    aadsts/* AADSTS */.J.expiredClientSecret,
    aadsts/* AADSTS */.J.missingClientCredential,
    aadsts/* AADSTS */.J.assertionOutsideValidTime,
    aadsts/* AADSTS */.J.assertionSignatureInvalid,
    aadsts/* AADSTS */.J.noMatchingFederatedRecord,
    aadsts/* AADSTS */.J.federatedIssuerMismatch,
    aadsts/* AADSTS */.J.federatedAudienceMismatch,
    aadsts/* AADSTS */.J.noMatchingFederatedSubject,
    aadsts/* AADSTS */.J.federatedSubjectCaseMismatch,
    aadsts/* AADSTS */.J.entraTokenNotAllowedForFederation,
    aadsts/* AADSTS */.J.crossTenantFederationNotAllowed
]);
/** The consent status a token request's refusal means for a customer tenant. */
function consentStatusOf(code) {
    if (code === undefined)
        return 'error';
    if (NEEDS_CONSENT.has(code))
        return 'needs-consent';
    if (DISABLED.has(code))
        return 'disabled';
    if (code === aadsts/* AADSTS */.J.tenantNotFound)
        return 'tenant-not-found';
    if (BLOCKED.has(code))
        return 'blocked';
    if (PROVIDER.has(code))
        return 'provider-error';
    return 'error';
}
const NOT_ASKED = {
    // No app yet: every tenant will need consent once apply creates it.
    'app-missing': 'needs-consent',
    'app-unknown': 'error',
    'no-credential': 'provider-error'
};
function consentVerdict(observed) {
    switch (observed.kind) {
        case 'token':
            return { status: 'consented', principalId: observed.principalId };
        case 'refused':
            return {
                status: consentStatusOf(observed.code),
                code: observed.code,
                traceId: observed.traceId,
                detail: observed.detail
            };
        case 'no-authority':
            return { status: 'tenant-not-found', code: observed.code, detail: observed.detail };
        case 'failed':
            return { status: 'error', detail: observed.detail };
        case 'not-asked':
            return { status: NOT_ASKED[observed.because], detail: observed.detail };
    }
}

;// CONCATENATED MODULE: ./src/plan/plan.ts



const plan_DAY_MS = 86_400_000;
const appTarget = (config) => `application ${config.app.uniqueName}`;
function desiredFederatedCredentials(config, oidcAudience) {
    return config.app.federatedCredentials.map((fic) => ({
        name: fic.name,
        issuer: fic.issuer,
        subject: fic.subject,
        audiences: fic.audiences ?? [oidcAudience],
        ...(fic.description === undefined ? {} : { description: fic.description })
    }));
}
/** How an existing federated credential differs from the desired one, in words; empty when it matches. */
function federatedCredentialChanges(have, want) {
    const changes = [];
    if (have.issuer !== want.issuer)
        changes.push(`issuer ${have.issuer} → ${want.issuer}`);
    // Entra matches the subject case-sensitively, so a case difference is a real difference.
    if (have.subject !== want.subject)
        changes.push(`subject ${have.subject} → ${want.subject}`);
    if (have.audiences.join(' ') !== want.audiences.join(' ')) {
        changes.push(`audiences ${have.audiences.join(',')} → ${want.audiences.join(',')}`);
    }
    return changes;
}
/** The app, its federated credentials, its service principal and its secret in the provider tenant. */
function planProvider(config, observed, options) {
    const app = observed.app;
    const target = appTarget(config);
    if (app.status === 'error')
        return [];
    if (app.status === 'not-owned') {
        return [
            {
                kind: 'add-owner',
                key: stepKey.owner(),
                target,
                reason: 'The app exists but the automation identity is not among its owners; Application.ReadWrite.OwnedBy reaches only apps it owns.',
                write: false
            }
        ];
    }
    const steps = [];
    const wantFics = desiredFederatedCredentials(config, options.oidcAudience);
    if (app.status === 'missing') {
        steps.push({
            kind: 'create-app',
            key: stepKey.app(),
            target,
            reason: `No application with uniqueName ${config.app.uniqueName} exists in the provider tenant.`,
            write: true,
            shape: {
                displayName: config.app.displayName,
                signInAudience: MULTI_TENANT_AUDIENCE,
                redirectUris: [config.app.redirectUri]
            }
        });
        for (const credential of wantFics)
            steps.push(createFic(credential));
        steps.push(createServicePrincipal(config, 'The new app needs a service principal in the provider tenant.'));
    }
    else {
        const have = app.app;
        const changes = [];
        if (have.displayName !== config.app.displayName)
            changes.push(`display name "${have.displayName}" → "${config.app.displayName}"`);
        if (have.signInAudience !== MULTI_TENANT_AUDIENCE)
            changes.push(`sign-in audience ${have.signInAudience} → ${MULTI_TENANT_AUDIENCE}`);
        if (!have.redirectUris.includes(config.app.redirectUri))
            changes.push(`add redirect URI ${config.app.redirectUri}`);
        if (changes.length > 0) {
            steps.push({
                kind: 'update-app',
                key: stepKey.app(),
                target,
                reason: `The app differs from the tenants file: ${changes.join('; ')}.`,
                write: true,
                // Redirect URIs not in the file are kept: someone may rely on them.
                shape: {
                    displayName: config.app.displayName,
                    signInAudience: MULTI_TENANT_AUDIENCE,
                    redirectUris: [...new Set([...have.redirectUris, config.app.redirectUri])]
                }
            });
        }
        for (const want of wantFics) {
            const existing = have.federatedCredentials.find(fic => fic.name === want.name);
            if (!existing) {
                steps.push(createFic(want));
                continue;
            }
            const ficChanges = federatedCredentialChanges(existing, want);
            if (ficChanges.length > 0) {
                steps.push({
                    kind: 'update-federated-credential',
                    key: stepKey.federatedCredential(want.name),
                    target: `federated credential ${want.name}`,
                    reason: `It differs from the tenants file: ${ficChanges.join('; ')}.`,
                    write: true,
                    id: existing.id,
                    credential: want
                });
            }
        }
        if (!app.servicePrincipal) {
            steps.push(createServicePrincipal(config, 'The app has no service principal in the provider tenant.'));
        }
    }
    const secretStep = planSecret(config, observed, options);
    if (secretStep)
        steps.push(secretStep);
    return steps;
}
function createFic(credential) {
    return {
        kind: 'create-federated-credential',
        key: stepKey.federatedCredential(credential.name),
        target: `federated credential ${credential.name}`,
        reason: `The tenants file lists it (subject ${credential.subject}) and the app does not have it.`,
        write: true,
        credential
    };
}
function createServicePrincipal(config, reason) {
    return {
        kind: 'create-service-principal',
        key: stepKey.servicePrincipal(),
        target: `service principal of ${config.app.uniqueName}`,
        reason,
        write: true
    };
}
/** Whether and why the secret needs a new version. */
function secretVerdict(config, observed, options) {
    const credential = config.app.credential;
    if (credential.kind !== 'secret')
        return { status: 'not-configured' };
    const secret = observed.secret;
    if (secret.status === 'missing')
        return { status: 'missing', reason: `Key Vault has no secret ${credential.secretName} yet.` };
    if (secret.status !== 'found')
        return { status: 'current' };
    const app = observed.app;
    if (app.status === 'found' &&
        secret.keyId &&
        !app.app.passwordCredentials.some(p => p.keyId === secret.keyId)) {
        return {
            status: 'due',
            reason: 'The stored secret belongs to a password the app no longer has: it cannot authenticate.'
        };
    }
    if (options.rotate === 'force')
        return { status: 'due', reason: 'rotate: force.' };
    if (secret.expiresOn) {
        const daysLeft = Math.floor((secret.expiresOn.getTime() - options.now.getTime()) / plan_DAY_MS);
        if (daysLeft < credential.rotateBeforeDays) {
            return {
                status: 'due',
                reason: daysLeft < 0
                    ? `The secret expired on ${secret.expiresOn.toISOString().slice(0, 10)}.`
                    : `The secret expires in ${daysLeft} day(s), within rotateBeforeDays (${credential.rotateBeforeDays}).`
            };
        }
    }
    return { status: 'current' };
}
function planSecret(config, observed, options) {
    const credential = config.app.credential;
    if (credential.kind !== 'secret' || options.rotate === 'never')
        return undefined;
    const verdict = secretVerdict(config, observed, options);
    if (verdict.status !== 'missing' && verdict.status !== 'due')
        return undefined;
    return {
        kind: verdict.status === 'missing' ? 'create-secret' : 'rotate-secret',
        key: stepKey.secret(),
        target: `secret ${credential.secretName} in ${credential.keyVault}`,
        reason: `${verdict.reason} A new password is added (the old one stays valid until it expires) and stored as a new version once it authenticates.`,
        write: true,
        lifetimeDays: credential.lifetimeDays
    };
}
/** Consent requests and role assignments in the customer tenants. */
function planTenants(config, observed) {
    const steps = [];
    for (const tenant of config.tenants) {
        const seen = observed.get(tenant.tenantId);
        if (!seen)
            continue;
        const consent = consentVerdict(seen.consent);
        if (consent.status === 'needs-consent') {
            steps.push({
                kind: 'request-consent',
                key: stepKey.consent(tenant.tenantId),
                target: tenantTarget(tenant),
                reason: 'The app has no service principal there: an admin of that tenant must open the consent link.',
                write: false,
                tenantId: tenant.tenantId
            });
            continue;
        }
        const principalId = consent.principalId;
        if (consent.status !== 'consented' || !principalId)
            continue;
        for (const assignment of seen.assignments) {
            if (assignment.lookup.status !== 'missing')
                continue;
            const configured = tenant.roleAssignments.find(a => a.scope === assignment.scope && a.roleDefinitionId === assignment.roleDefinitionId);
            steps.push({
                kind: 'assign-role',
                key: stepKey.roleAssignment(tenant.tenantId, assignment.scope, assignment.roleDefinitionId),
                target: `${configured?.role ?? assignment.roleDefinitionId} at ${assignment.scope} in ${tenantTarget(tenant)}`,
                reason: "The app's service principal does not hold this role at this scope or above.",
                write: true,
                tenantId: tenant.tenantId,
                scope: assignment.scope,
                roleDefinitionId: assignment.roleDefinitionId,
                principalId
            });
        }
    }
    return steps;
}
function tenantTarget(tenant) {
    return `${tenant.name} (${tenant.tenantId})`;
}

;// CONCATENATED MODULE: ./src/plan/privilege.ts
/** Any one of these lets the run do its work, the first being the least. */
const ENOUGH = {
    plan: ['Application.Read.All', 'Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All'],
    apply: ['Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All']
};
/** Tenant-wide write permissions: none is needed, each reaches far beyond the one app. */
const MORE_THAN_NEEDED = [
    'Application.ReadWrite.All',
    'Directory.ReadWrite.All',
    'AppRoleAssignment.ReadWrite.All',
    'RoleManagement.ReadWrite.Directory',
    'ServicePrincipalEndpoint.ReadWrite.All',
    'Policy.ReadWrite.ApplicationConfiguration'
];
function identityVerdict(mode, objectId, roles) {
    const enough = ENOUGH[mode];
    return {
        objectId: objectId ?? null,
        roles: [...roles].sort(),
        excess: roles.filter(role => MORE_THAN_NEEDED.includes(role)).sort(),
        missing: roles.some(role => enough.includes(role)) ? [] : [enough[0]]
    };
}

;// CONCATENATED MODULE: ./src/plan/consent-links.ts
/**
 * Admin-consent links a customer's admin opens to consent to the app in their tenant.
 *
 * v1, tenant-wide admin consent:
 *   {authority}/{tenant}/adminconsent?client_id={appId}&state=…&redirect_uri={url-encoded redirect URI}
 *   https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow ("Request the
 *   permissions from a directory admin"); the redirect URI "must be URL-encoded".
 * v2.0, with the permissions of one resource:
 *   {authority}/{tenant}/v2.0/adminconsent?client_id={appId}&scope={resource}/.default&redirect_uri={uri}&state=…
 *   https://learn.microsoft.com/entra/identity-platform/v2-admin-consent ("In order to request app permissions,
 *   you must use the /.default value").
 */
/** The `state` value names the tenant so the landing page can tell whose consent came back; it is opaque. */
const CONSENT_STATE_PREFIX = 'etb-';
/** The `/.default` scope suffix: all of a resource's configured permissions (v2-admin-consent). */
const DEFAULT_SCOPE_SUFFIX = '/.default';
function consentLinks(p) {
    const tenantBase = `${p.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(p.tenantId)}`;
    const state = `${CONSENT_STATE_PREFIX}${p.tenantId}`;
    return {
        link: `${tenantBase}/adminconsent?${query([
            ['client_id', p.appId],
            ['redirect_uri', p.redirectUri],
            ['state', state]
        ])}`,
        linkV2: `${tenantBase}/v2.0/adminconsent?${query([
            ['client_id', p.appId],
            ['scope', `${p.armAudience}${DEFAULT_SCOPE_SUFFIX}`],
            ['redirect_uri', p.redirectUri],
            ['state', state]
        ])}`
    };
}
/** `encodeURIComponent` per value: reserved characters (`:/?&=#`) and spaces become `%XX`. */
function query(pairs) {
    return pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}

// EXTERNAL MODULE: ./src/model/report.ts
var report = __webpack_require__(55235);
;// CONCATENATED MODULE: ./src/plan/verdicts.ts






const PROBLEM_STATUSES = new Set([
    'disabled',
    'tenant-not-found',
    'blocked',
    'provider-error',
    'error'
]);
function verdicts(input) {
    const steps = input.steps.map(stepReport);
    const app = appReport(input);
    const tenants = input.config.tenants.map(tenant => tenantReport(input, tenant, app.appId));
    const changed = steps.some(step => step.write && step.outcome === 'done');
    const drift = tenants.some(tenant => tenant.consent.status !== 'consented' ||
        tenant.roleAssignments.some(a => a.status === 'missing' || a.status === 'not-permitted'));
    return {
        version: report/* REPORT_VERSION */.A,
        mode: input.mode,
        generatedAt: input.now.toISOString(),
        cloud: input.cloud.name,
        tenantsFile: input.config.file,
        ...(input.identity ? { identity: input.identity } : {}),
        app,
        tenants,
        secret: secretReport(input),
        steps,
        totals: {
            tenants: tenants.length,
            consented: tenants.filter(t => t.consent.status === 'consented').length,
            needsConsent: tenants.filter(t => t.consent.status === 'needs-consent').length,
            problems: tenants.filter(t => PROBLEM_STATUSES.has(t.consent.status)).length
        },
        drift,
        changed
    };
}
/** The step as reported: what apply needs to carry it out stays out of the JSON. */
function stepReport(step) {
    return {
        kind: step.kind,
        target: step.target,
        reason: step.reason,
        write: step.write,
        ...(step.tenantId ? { tenantId: step.tenantId } : {}),
        ...(step.outcome ? { outcome: step.outcome } : {}),
        ...(step.detail ? { detail: step.detail } : {})
    };
}
const PROVIDER_APP_STEPS = new Set([
    'create-app',
    'update-app',
    'create-federated-credential',
    'update-federated-credential',
    'create-service-principal'
]);
function appReport(input) {
    const observed = input.provider.app;
    const base = {
        uniqueName: input.config.app.uniqueName,
        displayName: input.config.app.displayName,
        line: input.config.app.position.line
    };
    const appSteps = input.steps.filter(step => PROVIDER_APP_STEPS.has(step.kind));
    const failed = appSteps.find(step => step.outcome === 'failed');
    const ids = input.app ??
        (observed.status === 'found' ? { id: observed.app.id, appId: observed.app.appId } : undefined);
    const common = {
        ...base,
        appId: ids?.appId ?? null,
        objectId: ids?.id ?? null,
        federatedCredentials: ficReports(input)
    };
    if (observed.status === 'not-owned') {
        return {
            ...common,
            status: 'not-owned',
            detail: observed.detail,
            ...(input.ownerFixCommand ? { fixCommand: input.ownerFixCommand } : {})
        };
    }
    if (observed.status === 'error')
        return { ...common, status: 'error', detail: observed.detail, failure: observed.failure };
    if (failed)
        return { ...common, status: 'error', detail: failed.detail ?? `${failed.kind} failed` };
    const applied = appSteps.length > 0 && appSteps.every(step => step.outcome === 'done');
    if (observed.status === 'missing')
        return { ...common, status: applied ? 'created' : 'missing' };
    if (appSteps.length === 0)
        return { ...common, status: 'current' };
    return { ...common, status: applied ? 'updated' : 'changes-pending' };
}
function ficReports(input) {
    const observed = input.provider.app;
    const have = observed.status === 'found' ? observed.app.federatedCredentials : [];
    const want = desiredFederatedCredentials(input.config, input.cloud.oidcAudience);
    const outcomeOf = (kind, name) => input.steps.find(step => step.kind === kind && step.key === stepKey.federatedCredential(name))?.outcome;
    const reports = want.map(fic => {
        const existing = have.find(h => h.name === fic.name);
        if (!existing) {
            return {
                name: fic.name,
                subject: fic.subject,
                status: outcomeOf('create-federated-credential', fic.name) === 'done' ? 'created' : 'missing'
            };
        }
        if (federatedCredentialChanges(existing, fic).length === 0)
            return { name: fic.name, subject: fic.subject, status: 'present' };
        return {
            name: fic.name,
            subject: fic.subject,
            status: outcomeOf('update-federated-credential', fic.name) === 'done' ? 'updated' : 'changed'
        };
    });
    for (const extra of have.filter(h => !want.some(w => w.name === h.name))) {
        reports.push({ name: extra.name, subject: extra.subject, status: 'unmanaged' });
    }
    return reports;
}
function tenantReport(input, tenant, appId) {
    const observed = input.tenants.get(tenant.tenantId);
    const consent = observed
        ? consentVerdict(observed.consent)
        : { status: 'error', detail: 'not observed' };
    const links = consent.status === 'needs-consent' && appId
        ? consentLinks({
            authorityHost: input.cloud.authorityHost,
            tenantId: tenant.tenantId,
            appId,
            redirectUri: input.config.app.redirectUri,
            armAudience: input.cloud.armAudience
        })
        : undefined;
    const principalId = consent.principalId ?? null;
    return {
        name: tenant.name,
        tenantId: tenant.tenantId,
        line: tenant.position.line,
        consent: {
            status: consent.status,
            code: consent.code ?? null,
            ...(consent.traceId ? { traceId: consent.traceId } : {}),
            ...(consent.detail ? { detail: consent.detail } : {}),
            link: links?.link ?? null,
            linkV2: links?.linkV2 ?? null
        },
        principalId,
        roleAssignments: tenant.roleAssignments.map(wanted => {
            const seen = observed?.assignments.find(a => a.scope === wanted.scope && a.roleDefinitionId === wanted.roleDefinitionId);
            const key = stepKey.roleAssignment(tenant.tenantId, wanted.scope, wanted.roleDefinitionId);
            const step = input.steps.find(s => s.key === key);
            const report = {
                scope: wanted.scope,
                role: wanted.role,
                roleDefinitionId: wanted.roleDefinitionId,
                line: wanted.position.line,
                status: 'skipped'
            };
            const lookup = seen?.lookup;
            if (!lookup || lookup.status === 'skipped')
                return report;
            const fixCommand = principalId
                ? { fixCommand: roleAssignmentCommand(principalId, wanted.roleDefinitionId, wanted.scope) }
                : {};
            if (lookup.status === 'unverifiable') {
                return { ...report, status: 'unverifiable', detail: lookup.detail, ...fixCommand };
            }
            if (lookup.status === 'present')
                return { ...report, status: 'present' };
            if (step?.outcome === 'done')
                return { ...report, status: 'applied', ...(step.detail ? { detail: step.detail } : {}) };
            const status = step?.outcome === 'manual' ? 'not-permitted' : 'missing';
            return {
                ...report,
                status,
                ...(step?.detail ? { detail: step.detail } : {}),
                ...fixCommand
            };
        })
    };
}
function secretReport(input) {
    const credential = input.config.app.credential;
    const line = credential.position.line;
    if (credential.kind !== 'secret')
        return { status: 'not-configured', line, version: null, expiresOn: null };
    const where = { line, keyVault: credential.keyVault, secretName: credential.secretName };
    const step = input.steps.find(s => s.kind === 'create-secret' || s.kind === 'rotate-secret');
    if (input.storedSecret) {
        return {
            ...where,
            status: 'rotated',
            version: input.storedSecret.version,
            expiresOn: input.storedSecret.expiresOn.toISOString()
        };
    }
    const observed = input.provider.secret;
    const found = observed.status === 'found' ? observed : undefined;
    const current = { version: found?.version ?? null, expiresOn: found?.expiresOn?.toISOString() ?? null };
    if (step?.outcome === 'failed')
        return { ...where, ...current, status: 'failed', ...(step.detail ? { detail: step.detail } : {}) };
    if (observed.status === 'error')
        return { ...where, ...current, status: 'failed', detail: observed.detail };
    const verdict = secretVerdict(input.config, input.provider, { rotate: input.rotate, now: input.now });
    return {
        ...where,
        ...current,
        status: verdict.status === 'not-configured' ? 'current' : verdict.status,
        ...(verdict.reason ? { detail: verdict.reason } : {})
    };
}

;// CONCATENATED MODULE: ./src/engine/run.ts






/**
 * One run over the tenants file — or over a slice of its tenants (a shard): the customer phase only ever reaches
 * the tenants in `config.tenants`.
 */
async function runEngine(request, config, ports) {
    const { automationObjectId, graphRoles } = await ports.signIn();
    const phase = request.phase ?? 'all';
    const provider = phase === 'tenants'
        ? await readProvider(request, config, ports)
        : await runProviderPhase(request, config, ports);
    // The provider job reaches no customer tenant: its report is the app, its credentials and its secret.
    const scope = phase === 'provider' ? { ...config, tenants: [] } : config;
    const tenants = await runTenantPhase(request, scope, provider, ports);
    const observedApp = provider.observed.app;
    const report = verdicts({
        mode: request.mode,
        rotate: request.rotate,
        cloud: request.cloud,
        config: scope,
        now: request.now(),
        provider: provider.observed,
        app: provider.app,
        ownerFixCommand: observedApp.status === 'not-owned'
            ? ownerFixCommand(config.app.uniqueName, automationObjectId)
            : undefined,
        tenants: tenants.observed,
        steps: [...provider.steps, ...tenants.steps],
        storedSecret: provider.storedSecret,
        identity: identityVerdict(request.mode, automationObjectId, graphRoles)
    });
    const part = reportPart(request);
    return part ? { ...report, part } : report;
}
function reportPart(request) {
    if (request.phase === 'provider')
        return { phase: 'provider' };
    if (request.phase !== 'tenants')
        return undefined;
    const shard = request.shard ?? { index: 1, count: 1 };
    return { phase: 'tenants', shard: shard.index, of: shard.count };
}
/** The app, its credentials and its secret in the provider tenant: observe, plan, and in apply mode, apply. */
async function runProviderPhase(request, config, ports) {
    const { observed, secretValue } = await observeProvider(config, ports.provider);
    const steps = planProvider(config, observed, {
        rotate: request.rotate,
        now: request.now(),
        oidcAudience: request.cloud.oidcAudience
    });
    const app = observed.app.status === 'found' ? { id: observed.app.app.id, appId: observed.app.app.appId } : undefined;
    if (request.mode !== 'apply')
        return { observed, steps, app, secret: secretValue, freshCredential: false };
    const applied = await applyProvider(steps, app, {
        ...ports.provider,
        uniqueName: config.app.uniqueName,
        now: request.now
    });
    return {
        observed,
        steps: applied.steps,
        app: applied.app,
        secret: applied.secret?.value ?? secretValue,
        ...(applied.secret
            ? { storedSecret: { version: applied.secret.version, expiresOn: applied.secret.expiresOn } }
            : {}),
        freshCredential: applied.changed
    };
}
/**
 * A tenant shard's view of the provider: the app and the secret it signs in with, read only. Its steps are the
 * provider job's, so none is planned here — a shard can never write the app, its credentials or its secret.
 */
async function readProvider(request, config, ports) {
    const { observed, secretValue } = await observeProvider(config, ports.provider);
    const app = observed.app.status === 'found' ? { id: observed.app.app.id, appId: observed.app.app.appId } : undefined;
    // In apply, the provider job may have rotated the secret moments ago and a shard cannot tell: it retries the
    // rejections a just-written credential shows while it replicates, as the job that wrote it would.
    return { observed, steps: [], app, secret: secretValue, freshCredential: request.mode === 'apply' };
}
/** Consent and role assignments in the customer tenants, signed in as the app there. */
async function runTenantPhase(request, config, provider, ports) {
    const tenantPorts = ports.tenants({
        app: provider.app,
        secret: provider.secret,
        storedSecret: provider.observed.secret.status,
        freshCredential: provider.freshCredential
    });
    const appPresence = provider.app
        ? 'exists'
        : provider.observed.app.status === 'missing'
            ? 'missing'
            : 'unknown';
    const observed = await observeTenants(config.tenants, appPresence, tenantPorts, request.concurrency);
    const steps = planTenants(config, observed);
    if (request.mode !== 'apply')
        return { observed, steps };
    return { observed, steps: await applyTenants(steps, tenantPorts) };
}

;// CONCATENATED MODULE: ./src/engine/index.ts
/**
 * The engine's front door for the action (and the integration tests): sign in to the provider tenant with GitHub
 * OIDC, build the Azure ports, run the engine. It takes plain values and a few injected functions (log, mask, the
 * GitHub OIDC token), so tests run it in-process against the emulator.
 */




const RETRY_BUDGET_SECONDS = 300;
async function runBridge(inputs, config, deps) {
    const ports = azurePorts({
        cloud: inputs.cloud,
        clientId: inputs.clientId,
        tenantId: inputs.tenantId,
        getIdToken: deps.getIdToken,
        info: deps.info,
        mask: deps.mask,
        retry: deps.replicationRetry ?? REPLICATION_RETRY,
        retryBudgetSeconds: deps.retryBudgetSeconds ?? RETRY_BUDGET_SECONDS
    }, config);
    return runEngine({
        mode: inputs.mode,
        rotate: inputs.rotate,
        cloud: inputs.cloud,
        concurrency: inputs.concurrency,
        ...(inputs.phase ? { phase: inputs.phase } : {}),
        ...(inputs.shard ? { shard: inputs.shard } : {}),
        now: deps.now ?? (() => new Date())
    }, config, ports);
}


/***/ })

};
