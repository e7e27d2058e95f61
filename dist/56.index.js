export const id = 56;
export const ids = [56];
export const modules = {

/***/ 34056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadTenantsFile: () => (/* binding */ loadTenantsFile)
});

// UNUSED EXPORTS: firstInvalidUtf8, parseTenantsFile

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/config/positions.ts
/**
 * Where each value of the tenants file stands in its text, read from the `yaml` package's own nodes: every node
 * carries its `range` (offsets), which a `LineCounter` turns into a line and column. Validation runs on plain data
 * (ajv sees what `toJS()` returns) and names values by JSON Pointer (`/tenants/0/tenantId`); the node is found by
 * walking the document along that path. https://eemeli.org/yaml/#nodes, https://eemeli.org/yaml/#linecounter
 */

const START_OF_FILE = { line: 1, column: 1 };
/** JSON Pointer escaping as RFC 6901 §3 defines it and ajv uses for `instancePath`. */
function pointerOf(segments) {
    return segments.map(segment => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
/** The inverse of {@link pointerOf}; list indices stay strings, which is enough to name a path. */
function segmentsOf(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** The path as a reader writes it: `tenants[2].roleAssignments[0].scope`. */
function labelOf(segments) {
    let label = '';
    for (const segment of segments) {
        if (typeof segment === 'number' || /^\d+$/.test(segment))
            label += `[${segment}]`;
        else
            label += label === '' ? segment : `.${segment}`;
    }
    return label;
}
/**
 * The nodes at `segments`, or undefined when the document has no such value. An alias stands for its anchor's
 * value: the alias is where the value stands, what lies inside it is found in the anchor's text.
 */
function locate({ doc }, segments) {
    let located = { whole: undefined, value: doc.contents };
    for (const segment of segments) {
        const collection = (0,dist/* isAlias */.Vj)(located.value) ? located.value.resolve(doc) : located.value;
        if ((0,dist/* isMap */.jh)(collection)) {
            // The first of repeated keys, which is where the duplicate-key finding points back to.
            const pair = collection.items.find(p => keyText(p.key) === String(segment));
            if (pair === undefined)
                return undefined;
            located = { whole: pair.key, value: pair.value };
        }
        else if ((0,dist/* isSeq */.oP)(collection) && /^\d+$/.test(String(segment))) {
            const item = collection.items[Number(segment)];
            if (item === undefined)
                return undefined;
            located = { whole: item, value: item };
        }
        else {
            return undefined;
        }
    }
    return located;
}
/** The key as `toJS()` turns it into a property name. */
function keyText(key) {
    if ((0,dist/* isScalar */.jn)(key))
        return String(key.value);
    return String(key);
}
/** Start offset of a node the file spells out; undefined for the implicit null of an empty `key:`. */
function spelledOutStart(node) {
    if (!(0,dist/* isNode */.Ll)(node) || !node.range)
        return undefined;
    if ((0,dist/* isScalar */.jn)(node) && node.value === null && node.range[0] === node.range[1])
        return undefined;
    return node.range[0];
}
function positionOf(source, node) {
    const start = spelledOutStart(node);
    if (start === undefined)
        return undefined;
    const { line, col } = source.lineCounter.linePos(start);
    return { line, column: col };
}
/**
 * Where to report something about the value at `segments` as a whole: its key, else its list item; for a value
 * the file does not hold, the nearest enclosing one.
 */
function placeOf(source, segments) {
    for (let length = segments.length; length >= 0; length--) {
        const located = locate(source, segments.slice(0, length));
        const place = located && (positionOf(source, located.whole) ?? positionOf(source, located.value));
        if (place !== undefined)
            return place;
    }
    return START_OF_FILE;
}
/** Where to report a wrong value: the value itself when the file spells it out. */
function valuePlaceOf(source, segments) {
    const located = locate(source, segments);
    return positionOf(source, located?.value) ?? placeOf(source, segments);
}
/** Keys repeated within one mapping, each with the place of its first occurrence. */
function duplicateKeys(source) {
    const found = [];
    (0,dist/* visit */.YR)(source.doc, {
        Map(_, map, ancestors) {
            const firstSeen = new Map();
            for (const pair of map.items) {
                const key = keyText(pair.key);
                const place = positionOf(source, pair.key);
                if (place === undefined)
                    continue;
                const first = firstSeen.get(key);
                if (first === undefined)
                    firstSeen.set(key, place);
                else
                    found.push({ key, parent: pathOf([...ancestors, map]), first, second: place });
            }
        }
    });
    return found;
}
/** The path of the last node in `chain` (a visitor's ancestors and the node), as mapping keys and list indices. */
function pathOf(chain) {
    const segments = [];
    chain.forEach((node, i) => {
        const child = chain[i + 1];
        if (child === undefined)
            return;
        if ((0,dist/* isPair */.tO)(node) && child === node.value)
            segments.push(keyText(node.key));
        else if ((0,dist/* isSeq */.oP)(node))
            segments.push(node.items.indexOf(child));
    });
    return segments;
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
;// CONCATENATED MODULE: ./schema/tenants.schema.json
const tenants_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"entra-tenant-bridge tenants file","description":"The reviewed list of customer tenants that one multi-tenant Entra app reaches, with the app\'s credential and the Azure roles its service principal needs in each tenant. Point editors at this file with `# yaml-language-server: $schema=../schema/tenants.schema.json`.","type":"object","additionalProperties":false,"required":["app","tenants"],"properties":{"app":{"title":"Multi-tenant app","description":"The one multi-tenant app registration in the provider tenant, created and owned by the automation identity.","type":"object","additionalProperties":false,"required":["uniqueName","displayName","redirectUri","credential"],"properties":{"uniqueName":{"title":"Unique name","description":"Stable key the app is upserted by (PATCH /applications(uniqueName=\'…\')). Letters, digits, \'-\', \'_\' and \'.\', at most 120 characters. Changing it creates a new app.","type":"string","pattern":"^[A-Za-z0-9._-]{1,120}$","errorMessage":"1–120 letters, digits, \\"-\\", \\"_\\" or \\".\\" (the stable key the app is found by)"},"displayName":{"title":"Display name","description":"The name customer admins see on the consent prompt. One line: no line breaks or control characters.","type":"string","minLength":1,"maxLength":256,"pattern":"^[^\\\\u0000-\\\\u001f\\\\u007f]+$","errorMessage":"one line of text, at most 256 characters (the name customer admins see when they consent)"},"redirectUri":{"title":"Redirect URI","description":"Where a customer admin lands after consenting: an https:// URL (or http://localhost… for local testing), registered as a web redirect URI on the app.","type":"string","pattern":"^(?:https://[^\\\\s/?#]+(?:[/?#]\\\\S*)?|http://localhost(?::[0-9]{1,5})?(?:[/?#]\\\\S*)?)$","errorMessage":"an https:// URL (or http://localhost… for local testing)"},"credential":{"title":"App credential","description":"How the app authenticates in customer tenants: a client secret kept and rotated in the provider Key Vault (kind: secret) or federated credentials only (kind: federated).","type":"object","additionalProperties":false,"required":["kind"],"properties":{"kind":{"title":"Credential kind","description":"secret: a client secret rotated into keyVault/secretName. federated: secretless, through app.federatedCredentials.","enum":["secret","federated"],"errorMessage":"\\"secret\\" or \\"federated\\""},"keyVault":{"title":"Key Vault","description":"The provider Key Vault holding the secret: a vault name (3–24 letters, digits and single hyphens, starting with a letter; the cloud\'s DNS suffix is appended) or a full https:// vault URL without path or query.","type":"string","pattern":"^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$","errorMessage":"a Key Vault name (3–24 letters, digits and single hyphens, starting with a letter) or an https:// vault URL without path or query"},"secretName":{"title":"Secret name","description":"The Key Vault secret the app\'s client secret is stored under: 1–127 letters, digits and hyphens.","type":"string","pattern":"^[A-Za-z0-9-]{1,127}$","errorMessage":"1–127 letters, digits and hyphens (a Key Vault secret name)"},"lifetimeDays":{"title":"Secret lifetime (days)","description":"How long a new client secret lives, 1–730 days. Default 90.","type":"integer","minimum":1,"maximum":730,"default":90,"errorMessage":"a whole number of days from 1 to 730"},"overlapDays":{"title":"Overlap (days)","description":"After a new secret is proven and stored, the password it replaced stays valid this many days so running workloads pick up the new Key Vault version; then apply removes it and disables its Key Vault version. 0–729 and less than lifetimeDays. Default 7.","type":"integer","minimum":0,"maximum":729,"default":7,"errorMessage":"a whole number of days, at least 0 and less than lifetimeDays"},"rotateBeforeDays":{"title":"Rotate before expiry (days)","description":"Rotate when the current secret expires within this many days; at least 1 and less than lifetimeDays. Default 30.","type":"integer","minimum":1,"default":30,"errorMessage":"a whole number of days, at least 1 and less than lifetimeDays"}},"if":{"properties":{"kind":{"const":"secret"}},"required":["kind"]},"then":{"required":["keyVault","secretName"],"errorMessage":{"required":{"keyVault":"kind: secret keeps the app secret in Key Vault; add keyVault: <vault name or https:// vault URL>","secretName":"kind: secret stores the app secret under this Key Vault secret name; add secretName: <name>"}}},"errorMessage":{"type":"a mapping with kind: secret (plus keyVault and secretName) or kind: federated","required":{"kind":"add kind: secret (a client secret rotated in Key Vault) or kind: federated (secretless)"}}},"federatedCredentials":{"title":"Federated credentials","description":"Federated identity credentials to ensure on the app (at most 20 per app). Required, with at least one entry, for credential kind federated.","type":"array","maxItems":20,"items":{"title":"Federated credential","description":"An external identity (a GitHub workflow, a managed identity, …) allowed to act as the app.","type":"object","additionalProperties":false,"required":["name","issuer","subject"],"properties":{"name":{"title":"Name","description":"Unique per app and immutable: 3–120 letters, digits, \'-\' and \'_\', starting with a letter or digit.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$","errorMessage":"3–120 letters, digits, \\"-\\" and \\"_\\", starting with a letter or digit"},"issuer":{"title":"Issuer","description":"The external token\'s iss claim, an https:// URL (GitHub Actions: https://token.actions.githubusercontent.com). At most 600 characters.","type":"string","pattern":"^https://[^\\\\s/?#]+\\\\S*$","maxLength":600,"errorMessage":"an https:// URL of at most 600 characters (GitHub Actions: https://token.actions.githubusercontent.com)"},"subject":{"title":"Subject","description":"The external token\'s sub claim, matched exactly and case-sensitively (GitHub: repo:<owner>/<repo>:environment:<name>). At most 600 characters.","type":"string","minLength":1,"maxLength":600,"errorMessage":"non-empty text of at most 600 characters, matched exactly against the token’s sub claim"},"audiences":{"title":"Audiences","description":"Exactly one audience. Omit it to use the cloud\'s token-exchange audience (api://AzureADTokenExchange in AzureCloud).","type":"array","minItems":1,"maxItems":1,"items":{"title":"Audience","description":"The external token\'s aud claim.","type":"string","minLength":1,"maxLength":600,"errorMessage":"non-empty text of at most 600 characters"},"errorMessage":"a list of exactly one audience (omit it to use the cloud’s default, api://AzureADTokenExchange in AzureCloud)"},"description":{"title":"Description","description":"Free text shown in Entra, at most 600 characters.","type":"string","maxLength":600,"errorMessage":"text of at most 600 characters"}},"errorMessage":{"type":"a mapping with name, issuer and subject","required":{"name":"add a name, unique within the app, e.g. name: github-main","issuer":"add the external token’s issuer, e.g. issuer: https://token.actions.githubusercontent.com","subject":"add the external token’s subject, e.g. subject: repo:contoso/tenant-onboarding:environment:production"}}},"errorMessage":{"type":"a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is \\"federated\\"","maxItems":"a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is \\"federated\\""}}},"if":{"properties":{"credential":{"properties":{"kind":{"const":"federated"}},"required":["kind"],"type":"object"}},"required":["credential"]},"then":{"required":["federatedCredentials"],"properties":{"federatedCredentials":{"minItems":1,"type":"array","errorMessage":"a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is \\"federated\\""}},"errorMessage":{"required":{"federatedCredentials":"credential kind \\"federated\\" needs at least one; add federatedCredentials, or use kind: secret"}}},"errorMessage":{"type":"a mapping with uniqueName, displayName, redirectUri and credential","required":{"uniqueName":"add the stable key the app is upserted by, e.g. uniqueName: contoso-provider-access","displayName":"add the name customer admins see when they consent, e.g. displayName: Contoso Provider Access","redirectUri":"add the https:// page a customer admin lands on after consenting","credential":"add \\"credential:\\" with kind: secret (plus keyVault and secretName) or kind: federated"}}},"tenants":{"title":"Customer tenants","description":"The customer tenants the app is reached in. May be empty.","type":"array","items":{"title":"Customer tenant","description":"One customer tenant: its admin consents the app, then the app\'s service principal gets these role assignments.","type":"object","additionalProperties":false,"required":["name","tenantId"],"properties":{"name":{"title":"Name","description":"The customer\'s name, unique in this file (case-insensitive); shown in reports. One line: no line breaks or control characters.","type":"string","minLength":1,"maxLength":256,"pattern":"^[^\\\\u0000-\\\\u001f\\\\u007f]+$","errorMessage":"one line of text, at most 256 characters"},"tenantId":{"title":"Tenant ID","description":"The customer\'s Entra tenant ID, a GUID, unique in this file.","type":"string","pattern":"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$","errorMessage":"a GUID like 7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b"},"roleAssignments":{"title":"Role assignments","description":"Azure roles the app\'s service principal needs in this tenant, each at one scope.","type":"array","items":{"title":"Role assignment","description":"One role at one scope; each (scope, role) pair once per tenant.","type":"object","additionalProperties":false,"required":["scope","role"],"properties":{"scope":{"title":"Scope","description":"/subscriptions/<guid>[/resourceGroups/<name>[/providers/<Namespace>/<type>/<name>…]] or /providers/Microsoft.Management/managementGroups/<id>.","type":"string","pattern":"^(?:/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?:/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-](?:/providers/[A-Za-z][A-Za-z0-9]*(?:\\\\.[A-Za-z][A-Za-z0-9]*)+(?:/[A-Za-z][A-Za-z0-9]*/[^/\\\\s]+)+)?)?|/providers/Microsoft\\\\.Management/managementGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-])/?$","errorMessage":"an Azure scope: /subscriptions/<guid>[/resourceGroups/<name>[/providers/<Namespace>/<type>/<name>]] or /providers/Microsoft.Management/managementGroups/<id>"},"role":{"title":"Role","description":"Any Azure built-in role by name (e.g. Reader, Key Vault Secrets User, Storage Blob Data Reader) or by role definition GUID; a custom role by GUID or by its name (resolved in the customer tenant).","type":"string","minLength":1,"errorMessage":"a built-in role name or a role definition GUID"}},"errorMessage":{"type":"a mapping with scope and role","required":{"scope":"add the scope the role applies at, e.g. scope: /subscriptions/<guid>/resourceGroups/<name>","role":"add a built-in role name (e.g. role: Reader) or a role definition GUID"}}},"errorMessage":{"type":"a list of role assignments, each with scope and role"}},"onboarding":{"title":"Onboarding","description":"true while the customer is being onboarded: not consented yet is expected (needs-consent, not drift). The plan proposes removing it once consent, every role and every probe are verified; without it, a tenant that is not consented has drifted.","type":"boolean"},"prune":{"title":"Prune","description":"true: apply removes role assignments of the app\'s service principal that this file does not list (the plan lists each one first).","type":"boolean"},"probes":{"title":"Probes","description":"Data-plane proofs that the app reaches the customer\'s services, run as the app in this tenant. Each reports verified, denied (with the code) or error.","type":"array","items":{"title":"Probe","description":"keyVault + secret: read the secret\'s attributes (never its value). arm: GET a subscription or resource group.","oneOf":[{"type":"object","additionalProperties":false,"required":["keyVault","secret"],"properties":{"keyVault":{"title":"Key Vault","description":"The customer\'s vault: a vault name (the cloud\'s DNS suffix is appended) or a full https:// vault URL.","type":"string","pattern":"^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$"},"secret":{"title":"Secret name","description":"A secret in that vault whose attributes the app must be able to read: 1–127 letters, digits and hyphens.","type":"string","pattern":"^[A-Za-z0-9-]{1,127}$"}}},{"type":"object","additionalProperties":false,"required":["arm"],"properties":{"arm":{"title":"ARM scope","description":"/subscriptions/<guid>/resourceGroups/<name>: the app must be able to read it.","type":"string","pattern":"^/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]/?$"}}}]}}},"errorMessage":{"type":"a mapping with name, tenantId and roleAssignments","required":{"name":"add the customer’s name, e.g. name: Fabrikam","tenantId":"add the customer’s Entra tenant ID (a GUID)"}}},"errorMessage":{"type":"a list of tenants (lines starting with \\"- \\"; an empty list is written tenants: [])"}}},"errorMessage":{"type":"a mapping with \\"app\\" and \\"tenants\\" (see examples/tenants.yml)","required":{"app":"add an \\"app:\\" mapping describing the multi-tenant app (see examples/tenants.yml)","tenants":"add \\"tenants:\\" with one entry per customer tenant (it may be empty: tenants: [])"}}}');
// EXTERNAL MODULE: ./src/model/roles.ts + 1 modules
var roles = __webpack_require__(47798);
;// CONCATENATED MODULE: ./src/config/rules.ts
/**
 * Words for what the schema (`schema/tenants.schema.json`) cannot say by itself: which part of a rejected scope or
 * vault is wrong, and which key or role a typo was likely meant to be. The schema alone decides what is valid.
 */

/** A GUID as Entra and ARM write them (tenant, subscription and role-definition ids). */
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_TEXT = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
/**
 * Resource group and management group names: 1–90 letters, digits, `._-()`, not ending in `.`.
 * Source: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 * (Microsoft.Resources/resourcegroups; Microsoft.Management/managementGroups).
 */
const GROUP_NAME = /^[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]$/;
/** A resource provider namespace such as `Microsoft.KeyVault`. */
const PROVIDER_NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+$/;
const RESOURCE_TYPE = /^[A-Za-z][A-Za-z0-9]*$/;
const SUBSCRIPTION_ID = new RegExp(`^${GUID_TEXT}$`);
/**
 * The first thing wrong with a role-assignment scope, or undefined when it is well formed. Mirrors the scope
 * pattern of the schema, segment by segment, so a rejection can say which part to fix.
 */
function explainScope(scope) {
    const trimmed = scope.endsWith('/') ? scope.slice(0, -1) : scope;
    if (!trimmed.startsWith('/'))
        return 'a scope starts with "/"';
    const parts = trimmed.slice(1).split('/');
    if (parts.some(part => part === ''))
        return 'it has an empty segment ("//" or a second trailing "/")';
    if (parts[0] === 'providers')
        return explainManagementGroupScope(parts);
    if (parts[0] !== 'subscriptions') {
        return parts[0]?.toLowerCase() === 'subscriptions'
            ? `write "subscriptions" as Azure does, not "${parts[0]}"`
            : 'it must start with /subscriptions/<guid> or /providers/Microsoft.Management/managementGroups/<id>';
    }
    const subscription = parts[1];
    if (subscription === undefined)
        return 'the subscription GUID is missing after /subscriptions';
    if (!SUBSCRIPTION_ID.test(subscription))
        return `the subscription id "${subscription}" is not a GUID`;
    if (parts.length === 2)
        return undefined;
    if (parts[2] !== 'resourceGroups') {
        return parts[2]?.toLowerCase() === 'resourcegroups'
            ? `write "resourceGroups" as Azure does, not "${parts[2]}"`
            : `expected /resourceGroups/<name> after the subscription, got "/${parts[2]}"`;
    }
    const group = parts[3];
    if (group === undefined)
        return 'the resource group name is missing after /resourceGroups';
    if (!GROUP_NAME.test(group)) {
        return `the resource group name "${group}" must be 1–90 letters, digits, "._-()" and not end in "."`;
    }
    if (parts.length === 4)
        return undefined;
    return explainResourcePath(parts.slice(4));
}
function explainResourcePath(parts) {
    if (parts[0] !== 'providers')
        return `expected /providers/<Namespace>/<type>/<name> after the resource group`;
    const namespace = parts[1];
    if (namespace === undefined)
        return 'the provider namespace is missing after /providers';
    if (!PROVIDER_NAMESPACE.test(namespace)) {
        return `"${namespace}" is not a provider namespace like Microsoft.KeyVault`;
    }
    const typeAndNames = parts.slice(2);
    if (typeAndNames.length === 0 || typeAndNames.length % 2 !== 0) {
        return `after ${namespace} the path must alternate <type>/<name>, e.g. /vaults/kv-cmk`;
    }
    for (let i = 0; i < typeAndNames.length; i += 2) {
        const type = typeAndNames[i] ?? '';
        if (!RESOURCE_TYPE.test(type))
            return `"${type}" is not a resource type like vaults`;
        const name = typeAndNames[i + 1] ?? '';
        if (/\s/.test(name))
            return `the resource name "${name}" contains whitespace`;
    }
    return undefined;
}
function explainManagementGroupScope(parts) {
    if (parts[1] !== 'Microsoft.Management' || parts[2] !== 'managementGroups') {
        return 'a scope under /providers must be /providers/Microsoft.Management/managementGroups/<id>';
    }
    const group = parts[3];
    if (group === undefined || parts.length !== 4) {
        return 'a management group scope is /providers/Microsoft.Management/managementGroups/<id>, nothing more';
    }
    if (!GROUP_NAME.test(group)) {
        return `the management group id "${group}" must be 1–90 letters, digits, "._-()" and not end in "."`;
    }
    return undefined;
}
/**
 * The first thing wrong with a Key Vault name or URL. Names: 3–24 characters, alphanumerics and hyphens, start
 * with a letter, end with a letter or digit, no consecutive hyphens.
 * Source: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules (Microsoft.KeyVault/vaults).
 */
function explainKeyVault(value) {
    if (/^https?:\/\//i.test(value)) {
        if (!value.startsWith('https://'))
            return 'a vault URL must use https://';
        const url = URL.canParse(value) ? new URL(value) : undefined;
        if (url === undefined || url.hostname === '')
            return 'it is not a valid URL';
        if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
            return `give the vault URL without path or query, e.g. https://${url.host}/`;
        }
        return undefined;
    }
    if (value.length < 3 || value.length > 24)
        return `a vault name has 3–24 characters, this one has ${value.length}`;
    if (!/^[A-Za-z]/.test(value))
        return 'a vault name starts with a letter';
    if (/[^A-Za-z0-9-]/.test(value))
        return 'a vault name holds only letters, digits and hyphens';
    if (value.includes('--'))
        return 'a vault name has no consecutive hyphens';
    if (value.endsWith('-'))
        return 'a vault name ends with a letter or digit';
    return undefined;
}
/** Built-in role names, for messages. */
const BUILT_IN_ROLE_NAMES = Object.keys(roles/* BUILT_IN_ROLES */.NS);
/**
 * The candidate closest to `input` (case-insensitive edit distance), when it is close enough to be a likely typo:
 * at most a third of its length, and at least 2 edits allowed.
 */
function closestMatch(input, candidates) {
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
        if (best === undefined || distance < best.distance)
            best = { candidate, distance };
    }
    if (best === undefined)
        return undefined;
    const allowed = Math.max(2, Math.floor(best.candidate.length / 3));
    return best.distance <= allowed ? best.candidate : undefined;
}
/** Levenshtein distance. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

;// CONCATENATED MODULE: ./src/config/schema.ts
/**
 * Validation against the published schema (`schema/tenants.schema.json`), the one description of the tenants
 * file. Each field's words live beside it in the schema, as `errorMessage` in the format of ajv-errors
 * (https://ajv.js.org/packages/ajv-errors.html): a text for every rejection of a value, or a text per failed keyword,
 * and `required: { <key>: <text> }` for a missing key. This module only frames those words with the path and the
 * value found, at the place in the file.
 */




const credentialFields = tenants_schema_namespaceObject.properties.app.properties.credential.properties;
/** Secret lifetime and rotation threshold when the file does not set them: the schema's defaults. */
const DEFAULT_LIFETIME_DAYS = credentialFields.lifetimeDays.default;
const DEFAULT_ROTATE_BEFORE_DAYS = credentialFields.rotateBeforeDays.default;
/** How long a replaced password stays valid after its successor is stored: the schema's default. */
const DEFAULT_OVERLAP_DAYS = credentialFields.overlapDays.default;
/** Every credential field besides its kind belongs to kind: secret (keyVault, secretName, lifetime, rotation). */
const SECRET_ONLY_FIELDS = Object.keys(credentialFields).filter(field => field !== 'kind');
/**
 * A closer look at a text value its schema rejected, keyed by that schema: which part of a scope or vault is wrong.
 * The schema alone decides validity; `rules.test.ts` holds each explanation to the schema's pattern.
 */
const EXPLANATIONS = new Map([
    [credentialFields.keyVault, explainKeyVault],
    [tenants_schema_namespaceObject.properties.tenants.items.properties.roleAssignments.items.properties.scope, explainScope]
]);
let compiled;
/** The compiled validator; compiled once, on first use. */
function schemaValidator() {
    if (compiled === undefined) {
        // allErrors: every mistake at once. verbose: each error carries the rejected data and the schema holding the
        // failed keyword, whose errorMessage words it. strictRequired off: a conditional `then: { required }` names
        // properties its parent declares.
        const ajv = new _2020.Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
        // Read from each error's schema rather than by the ajv-errors plugin, which would bring ajv's draft-07 build
        // into the bundle (12.7 kB) to rewrite errors this module rewrites anyway.
        ajv.addKeyword({ keyword: 'errorMessage', schemaType: ['string', 'object'] });
        compiled = ajv.compile(tenants_schema_namespaceObject);
    }
    return compiled;
}
/** The schema's words for a rejection, when the schema holding the failed keyword has some. */
function wordsFor(error) {
    const words = error.parentSchema?.errorMessage;
    if (words === undefined || typeof words === 'string')
        return words;
    const text = error.keyword === 'required' ? words.required?.[missingProperty(error)] : words[error.keyword];
    return typeof text === 'string' ? text : undefined;
}
/** Validates plain data against the schema; every finding is placed in `source`. */
function schemaFindings(data, source) {
    const validate = schemaValidator();
    if (validate(data))
        return [];
    const errors = validate.errors ?? [];
    const misspelt = misspeltRequiredKeys(errors);
    return errors.flatMap(error => {
        // A required key written with a typo is one mistake: the unknown-key message already names the fix.
        if (error.keyword === 'required' && misspelt.has(`${error.instancePath}/${missingProperty(error)}`))
            return [];
        const finding = translate(error, source);
        return finding === undefined ? [] : [finding];
    });
}
/** Pointers of missing keys that an unknown key next to them is a likely typo of. */
function misspeltRequiredKeys(errors) {
    const missing = new Set(errors.filter(e => e.keyword === 'required').map(e => `${e.instancePath}/${missingProperty(e)}`));
    const misspelt = new Set();
    for (const error of errors) {
        if (error.keyword !== 'additionalProperties')
            continue;
        const suggestion = closestMatch(additionalProperty(error), allowedKeys(error));
        const pointer = `${error.instancePath}/${suggestion}`;
        if (suggestion !== undefined && missing.has(pointer))
            misspelt.add(pointer);
    }
    return misspelt;
}
function missingProperty(error) {
    return String(error.params.missingProperty);
}
function additionalProperty(error) {
    return String(error.params.additionalProperty);
}
function allowedKeys(error) {
    return Object.keys(error.parentSchema?.properties ?? {});
}
function translate(error, source) {
    const segments = segmentsOf(error.instancePath);
    const label = labelOf(segments);
    const subject = label === '' ? 'the file' : label;
    switch (error.keyword) {
        // A failed `if` is not a fault; the `then` that applies reports what is missing.
        case 'if':
            return undefined;
        case 'required': {
            const missing = missingProperty(error);
            const words = wordsFor(error);
            return {
                ...placeOf(source, segments),
                pointer: error.instancePath,
                message: `${subject} is missing "${missing}"${words === undefined ? '' : ` — ${words}`}`
            };
        }
        case 'additionalProperties': {
            const key = additionalProperty(error);
            const allowed = allowedKeys(error);
            const where = label === '' ? 'at the top level' : `in ${label}`;
            const suggestion = closestMatch(key, allowed);
            const advice = suggestion === undefined ? `allowed keys: ${allowed.join(', ')}` : `did you mean "${suggestion}"?`;
            return {
                ...placeOf(source, [...segments, key]),
                pointer: `${error.instancePath}/${key}`,
                message: `unknown key "${key}" ${where} — ${advice}`
            };
        }
        default:
            return wrongValue(error, segments, subject, source);
    }
}
/** "<path> must be <the schema's words>, got <what the file holds>[: <what exactly is wrong>]". */
function wrongValue(error, segments, subject, source) {
    const data = error.data;
    const words = wordsFor(error);
    const isCollection = typeof data === 'object' && data !== null;
    const place = isCollection || data === null ? placeOf(source, segments) : valuePlaceOf(source, segments);
    const pointer = error.instancePath;
    if (words === undefined) {
        return { ...place, pointer, message: `${subject} ${error.message ?? 'is not valid'}` };
    }
    const explain = EXPLANATIONS.get(error.parentSchema);
    const detail = typeof data === 'string' ? explain?.(data) : undefined;
    return {
        ...place,
        pointer,
        message: `${subject} must be ${words}, got ${describeValue(data)}${detail === undefined ? '' : `: ${detail}`}`
    };
}
/** Long enough for a full resource scope; a 600-character subject is cut rather than flood the log. */
const MAX_SHOWN_TEXT = 240;
/** A value as a message shows it: text quoted (and shortened), numbers as they are, collections by kind. */
function describeValue(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (typeof value === 'string') {
        return JSON.stringify(value.length > MAX_SHOWN_TEXT ? `${value.slice(0, MAX_SHOWN_TEXT - 1)}…` : value);
    }
    if (Array.isArray(value)) {
        if (value.length === 0)
            return 'an empty list';
        return `a list of ${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
    }
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'number')
        return `the number ${value}`;
    return String(value);
}

;// CONCATENATED MODULE: ./src/config/semantics.ts
/**
 * Checks a schema cannot express: uniqueness across entries, known role names, and limits that relate two
 * fields. Each runs only on values the schema accepted, so one mistake is reported once.
 */




function semanticFindings(data, source, rejected) {
    if (!isMapping(data))
        return [];
    const context = { source, rejected, findings: [] };
    if (isMapping(data.app))
        checkApp(data.app, context);
    if (Array.isArray(data.tenants))
        checkTenants(data.tenants, context);
    return context.findings;
}
function report(context, segments, message, at = 'key') {
    const place = at === 'value' ? valuePlaceOf(context.source, segments) : placeOf(context.source, segments);
    context.findings.push({ ...place, pointer: pointerOf(segments), message });
}
/** The text at `segments` in `parent`, when the schema accepted it. */
function acceptedText(context, parent, segments) {
    const key = segments[segments.length - 1];
    const value = typeof key === 'string' ? parent[key] : undefined;
    return typeof value === 'string' && !context.rejected(segments) ? value : undefined;
}
function acceptedNumber(context, parent, segments) {
    const key = segments[segments.length - 1];
    const value = typeof key === 'string' ? parent[key] : undefined;
    return typeof value === 'number' && !context.rejected(segments) ? value : undefined;
}
function lineOf(context, segments) {
    return placeOf(context.source, segments).line;
}
function checkApp(app, context) {
    if (isMapping(app.credential))
        checkCredential(app.credential, ['app', 'credential'], context);
    if (Array.isArray(app.federatedCredentials))
        checkFederatedCredentials(app.federatedCredentials, context);
}
function checkCredential(credential, at, context) {
    if (credential.kind === 'federated') {
        for (const field of SECRET_ONLY_FIELDS) {
            if (field in credential && !context.rejected([...at, field])) {
                report(context, [...at, field], `${labelOf([...at, field])} is only used with kind: secret — remove it, or set kind: secret`);
            }
        }
        return;
    }
    checkRotationWindow(credential, at, context);
    checkOverlap(credential, at, context);
}
/** A password that overlaps its successor for its whole life would never be retired before it expires. */
function checkOverlap(credential, at, context) {
    const overlapPath = [...at, 'overlapDays'];
    if (!('overlapDays' in credential))
        return;
    const overlap = acceptedNumber(context, credential, overlapPath);
    const lifetime = 'lifetimeDays' in credential
        ? acceptedNumber(context, credential, [...at, 'lifetimeDays'])
        : DEFAULT_LIFETIME_DAYS;
    if (overlap === undefined || lifetime === undefined || overlap < lifetime)
        return;
    report(context, overlapPath, `${labelOf(overlapPath)} must be less than lifetimeDays (${lifetime}), got ${overlap} — the replaced password would outlive its own expiry`, 'value');
}
/** A threshold at or beyond the lifetime would make every run rotate a freshly made secret. */
function checkRotationWindow(credential, at, context) {
    const lifetimePath = [...at, 'lifetimeDays'];
    const rotatePath = [...at, 'rotateBeforeDays'];
    const lifetime = 'lifetimeDays' in credential ? acceptedNumber(context, credential, lifetimePath) : DEFAULT_LIFETIME_DAYS;
    const rotate = 'rotateBeforeDays' in credential
        ? acceptedNumber(context, credential, rotatePath)
        : DEFAULT_ROTATE_BEFORE_DAYS;
    if (lifetime === undefined || rotate === undefined || rotate < lifetime)
        return;
    if ('rotateBeforeDays' in credential) {
        const lifetimeText = 'lifetimeDays' in credential ? `${lifetime}` : `${lifetime}, the default`;
        report(context, rotatePath, `${labelOf(rotatePath)} must be less than lifetimeDays (${lifetimeText}), got ${rotate} — otherwise every run rotates the secret`, 'value');
    }
    else {
        report(context, lifetimePath, `${labelOf(lifetimePath)} must be more than rotateBeforeDays (${rotate}, the default), got ${lifetime} — raise it or set rotateBeforeDays lower`, 'value');
    }
}
function checkFederatedCredentials(entries, context) {
    const names = new FirstSeen();
    const pairs = new FirstSeen();
    entries.forEach((entry, i) => {
        if (!isMapping(entry))
            return;
        const at = ['app', 'federatedCredentials', i];
        const name = acceptedText(context, entry, [...at, 'name']);
        if (name !== undefined) {
            reportRepeat(context, names, name.toLowerCase(), [...at, 'name'], first => `${labelOf([...at, 'name'])} "${name}" is already used by ${first} — federated credential names are unique per app`);
        }
        const issuer = acceptedText(context, entry, [...at, 'issuer']);
        const subject = acceptedText(context, entry, [...at, 'subject']);
        if (issuer !== undefined && subject !== undefined) {
            reportRepeat(context, pairs, `${issuer}\n${subject}`, at, first => `${labelOf(at)} has the same issuer and subject as ${first} — Entra accepts each issuer and subject pair once per app; remove one`, 'key');
        }
    });
}
function checkTenants(tenants, context) {
    const ids = new FirstSeen();
    const names = new FirstSeen();
    tenants.forEach((tenant, i) => {
        if (!isMapping(tenant))
            return;
        const at = ['tenants', i];
        const tenantId = acceptedText(context, tenant, [...at, 'tenantId']);
        if (tenantId !== undefined) {
            reportRepeat(context, ids, tenantId.toLowerCase(), [...at, 'tenantId'], first => `${labelOf([...at, 'tenantId'])} ${tenantId} is already listed as ${first} — list each tenant once and merge their roleAssignments`);
        }
        const name = acceptedText(context, tenant, [...at, 'name']);
        if (name !== undefined) {
            reportRepeat(context, names, name.toLowerCase(), [...at, 'name'], first => `${labelOf([...at, 'name'])} "${name}" is already used by ${first} — give each tenant its own name (compared case-insensitively)`);
        }
        if (Array.isArray(tenant.roleAssignments))
            checkRoleAssignments(tenant.roleAssignments, [...at, 'roleAssignments'], context);
    });
}
function checkRoleAssignments(assignments, at, context) {
    const seen = new FirstSeen();
    assignments.forEach((assignment, i) => {
        if (!isMapping(assignment))
            return;
        const item = [...at, i];
        const roleId = checkRole(assignment, [...item, 'role'], context);
        const scope = acceptedText(context, assignment, [...item, 'scope']);
        if (roleId === undefined || scope === undefined || explainScope(scope) !== undefined)
            return;
        // ARM compares scopes case-insensitively; a role named and the same role by GUID are one assignment.
        reportRepeat(context, seen, `${normaliseScope(scope).toLowerCase()}\n${roleId}`, item, first => `${labelOf(item)} repeats ${first} — the same role at the same scope; remove one`, 'key');
    });
}
/**
 * The role's definition GUID (lower case); '' for a custom role named by its name (resolved in the customer tenant);
 * undefined after reporting a name so close to a built-in role's that it is most likely a typo of it.
 */
function checkRole(assignment, segments, context) {
    const role = acceptedText(context, assignment, segments);
    if (role === undefined)
        return undefined;
    const resolved = roleDefinitionIdOf(role);
    if (resolved !== undefined)
        return resolved;
    const suggestion = closestMatch(role, BUILT_IN_ROLE_NAMES);
    if (suggestion === undefined)
        return `custom:${role.trim().toLowerCase()}`;
    report(context, segments, `${labelOf(segments)} "${role}" is not an Azure built-in role. Did you mean "${suggestion}"? A custom role whose name is this close to a built-in one: give its role definition GUID`, 'value');
    return undefined;
}
/** A built-in role name's GUID, or the GUID as written; lower case. */
function roleDefinitionIdOf(role) {
    const trimmed = role.trim();
    if (GUID_PATTERN.test(trimmed))
        return trimmed.toLowerCase();
    return (0,roles/* builtInRoleId */.fJ)(trimmed);
}
/** A single trailing `/` names the same scope; ARM returns scopes without it. */
function normaliseScope(scope) {
    return scope.endsWith('/') ? scope.slice(0, -1) : scope;
}
/** Remembers the first path each key was seen at. */
/**
 * Reports `segments` when `key` was seen before, at the value (default) or the key; `message` gets the first
 * occurrence as "tenants[0].name at line 13".
 */
function reportRepeat(context, seen, key, segments, message, at = 'value') {
    const first = seen.see(key, segments);
    if (first === undefined)
        return;
    report(context, segments, message(`${labelOf(first)} at line ${lineOf(context, first)}`), at);
}
class FirstSeen {
    first = new Map();
    /** The earlier path with the same key, or undefined when this is the first. */
    see(key, segments) {
        const earlier = this.first.get(key);
        if (earlier === undefined)
            this.first.set(key, segments);
        return earlier;
    }
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * The tenants file, from text to a typed configuration: YAML syntax, then the schema, then the checks across
 * entries. Every mistake is reported at once, at its line and column, before anything talks to Azure.
 */





const EMPTY_FILE_MESSAGE = 'the file is empty — it needs an "app" mapping and a "tenants" list (see examples/tenants.yml)';
/** How to fix each YAML syntax error the parser reports, by its code. */
const SYNTAX_HINTS = {
    BAD_INDENT: 'check the indentation (spaces only) and that every bracket opened is closed',
    BLOCK_AS_IMPLICIT_KEY: 'put a value containing ": " in quotes',
    MULTILINE_IMPLICIT_KEY: 'write each entry as "key: value" on one line; is a ":" missing?',
    MISSING_CHAR: 'close the quote or bracket opened before this point',
    UNEXPECTED_TOKEN: 'remove these characters or put the value in quotes',
    BAD_SCALAR_START: 'put a value starting with this character in quotes',
    BAD_DQ_ESCAPE: 'use a valid escape such as \\" or \\\\, or single quotes',
    ALIAS_PROPS: 'an alias (*name) takes no tag or anchor',
    BAD_ALIAS: 'define the anchor (&name) before the alias (*name) that uses it'
};
/**
 * How much alias expansion `toJS()` allows; well above any honest tenants file, low enough to stop a
 * billion-laughs file. Source: yaml's `maxAliasCount` option (https://eemeli.org/yaml/#tojs-options).
 */
const MAX_ALIAS_COUNT = 100;
/** Parses and validates tenants-file text. Pure: no file system, no network. */
function parseTenantsFile(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    // uniqueKeys off: repeated keys are reported with their path and first place, along with every other mistake.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) {
        // After a tab indent the parser misreads the lines around it; those follow-on errors vanish with the tab.
        const tabs = doc.errors.filter(error => error.code === 'TAB_AS_INDENT');
        const errors = tabs.length > 0 ? tabs : doc.errors;
        return failed(file, errors.map(error => syntaxFinding(error, lineCounter)));
    }
    if (doc.contents === null)
        return failed(file, [{ line: 1, column: 1, pointer: '', message: EMPTY_FILE_MESSAGE }]);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch {
        const message = 'the file’s aliases (*name) expand into too many values — write the entries out instead';
        return failed(file, [{ line: 1, column: 1, pointer: '', message }]);
    }
    const source = { doc, lineCounter };
    const schema = schemaFindings(data, source);
    const rejected = new Set(schema.map(finding => finding.pointer));
    const findings = [
        ...duplicateKeyFindings(source),
        ...schema,
        ...semanticFindings(data, source, segments => rejected.has(pointerOf(segments)))
    ];
    if (findings.length > 0)
        return failed(file, findings);
    // The schema accepted the data, so it has the schema's shape.
    return { ok: true, config: buildConfig(data, source, file) };
}
/** Reads the file (a missing/unreadable file is one problem at line 1 with a how-to-fix message) and parses it. */
async function loadTenantsFile(path, displayPath = path) {
    let text;
    try {
        const bytes = await (0,promises_.readFile)(path);
        const undecodable = firstInvalidUtf8(bytes);
        if (undecodable !== undefined) {
            const { line, column } = undecodable;
            const message = `the tenants file is not valid UTF-8 (byte 0x${undecodable.byte.toString(16).padStart(2, '0')} at line ${line}, column ${column}) — save it as UTF-8`;
            return { ok: false, problems: [{ file: displayPath, line, column, message }] };
        }
        text = bytes.toString('utf8');
    }
    catch (error) {
        const code = error.code;
        const message = code === 'ENOENT'
            ? 'the tenants file does not exist — create it (see examples/tenants.yml) or set the tenants-file input to its path'
            : `the tenants file cannot be read (${code ?? 'unknown error'}) — make sure it is a readable file, or set the tenants-file input to its path`;
        return { ok: false, problems: [{ file: displayPath, line: 1, column: 1, message }] };
    }
    return parseTenantsFile(text, displayPath);
}
/**
 * Where the first byte that is not UTF-8 stands (1-based line and column, in characters), or undefined when the
 * whole file decodes. A lenient decode would turn it into U+FFFD and carry on — with a tenant name or a scope
 * that is not what the reviewer saw.
 */
function firstInvalidUtf8(bytes) {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return undefined;
    }
    catch {
        // Find the longest prefix that decodes; the byte after it is the first bad one.
        let good = 0;
        let bad = bytes.length;
        while (good + 1 < bad) {
            const middle = (good + bad) >> 1;
            if (decodesAsPrefix(bytes.subarray(0, middle)))
                good = middle;
            else
                bad = middle;
        }
        // The bad byte ends the longest prefix that decodes; a sequence it cut short starts the trouble.
        let offset = decodesAsPrefix(bytes.subarray(0, bad)) ? bad : good;
        while (offset > 0 && !decodesWhole(bytes.subarray(0, offset)))
            offset--;
        const before = bytes.subarray(0, offset).toString('utf8');
        const lines = before.split('\n');
        return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1, byte: bytes[offset] ?? 0 };
    }
}
function decodesWhole(bytes) {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
    }
    catch {
        return false;
    }
}
/** Whether these bytes are valid UTF-8 so far (a sequence cut off at the end may still complete). */
function decodesAsPrefix(bytes) {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
        return true;
    }
    catch {
        return false;
    }
}
function syntaxFinding(error, lineCounter) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const position = { line, column: col, pointer: '' };
    if (error.code === 'TAB_AS_INDENT') {
        return {
            ...position,
            message: 'a tab is used for indentation — YAML indents with spaces only; replace it with spaces'
        };
    }
    if (error.code === 'MULTIPLE_DOCS') {
        return {
            ...position,
            message: 'a second YAML document starts here — the tenants file holds one document; remove this "---" or merge what follows'
        };
    }
    const hint = SYNTAX_HINTS[error.code] ?? 'fix the YAML syntax here';
    return { ...position, message: `YAML syntax error: ${firstSentence(error.message)} — ${hint}` };
}
/** yaml's message without its trailing excerpt, starting lower-case to read as part of ours. */
function firstSentence(message) {
    const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
    return first.charAt(0).toLowerCase() + first.slice(1);
}
function duplicateKeyFindings(source) {
    return duplicateKeys(source).map(({ key, parent, first, second }) => ({
        ...second,
        pointer: pointerOf([...parent, key]),
        message: `duplicate key "${key}" ${parent.length === 0 ? 'at the top level' : `in ${labelOf(parent)}`} — it is already set at line ${first.line}; keep one`
    }));
}
function failed(file, findings) {
    const unique = new Map();
    for (const { line, column, message } of findings) {
        unique.set(`${line}:${column}:${message}`, { file, line, column, message });
    }
    const problems = [...unique.values()].sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, problems };
}
function buildConfig(raw, source, file) {
    const at = (segments) => placeOf(source, segments);
    return {
        file,
        app: buildApp(raw.app, at),
        tenants: raw.tenants.map((tenant, i) => {
            const assignments = tenant.roleAssignments ?? [];
            return {
                name: tenant.name,
                tenantId: tenant.tenantId.toLowerCase(),
                roleAssignments: assignments.map((assignment, j) => ({
                    scope: normaliseScope(assignment.scope),
                    role: assignment.role,
                    // A name that is no built-in role is a custom role: resolved in the customer tenant.
                    roleDefinitionId: roleDefinitionIdOf(assignment.role) ?? '',
                    position: at(['tenants', i, 'roleAssignments', j])
                })),
                ...(tenant.onboarding === undefined ? {} : { onboarding: tenant.onboarding }),
                ...(tenant.prune === undefined ? {} : { prune: tenant.prune }),
                ...(tenant.probes === undefined
                    ? {}
                    : {
                        probes: tenant.probes.map((probe, j) => {
                            const position = at(['tenants', i, 'probes', j]);
                            return 'arm' in probe
                                ? { kind: 'arm', arm: normaliseScope(probe.arm), position }
                                : { kind: 'keyVault', keyVault: probe.keyVault, secret: probe.secret, position };
                        })
                    }),
                position: at(['tenants', i])
            };
        })
    };
}
function buildApp(app, at) {
    const credentialPosition = at(['app', 'credential']);
    const credential = app.credential.kind === 'secret'
        ? {
            kind: 'secret',
            keyVault: app.credential.keyVault ?? '',
            secretName: app.credential.secretName ?? '',
            lifetimeDays: app.credential.lifetimeDays ?? DEFAULT_LIFETIME_DAYS,
            rotateBeforeDays: app.credential.rotateBeforeDays ?? DEFAULT_ROTATE_BEFORE_DAYS,
            overlapDays: app.credential.overlapDays ?? DEFAULT_OVERLAP_DAYS,
            position: credentialPosition
        }
        : { kind: 'federated', position: credentialPosition };
    return {
        uniqueName: app.uniqueName,
        displayName: app.displayName,
        redirectUri: app.redirectUri,
        credential,
        federatedCredentials: (app.federatedCredentials ?? []).map((fic, i) => {
            const config = {
                name: fic.name,
                issuer: fic.issuer,
                subject: fic.subject,
                position: at(['app', 'federatedCredentials', i])
            };
            if (fic.audiences !== undefined)
                config.audiences = fic.audiences;
            if (fic.description !== undefined)
                config.description = fic.description;
            return config;
        }),
        position: at(['app'])
    };
}


/***/ })

};
