export const id = 387;
export const ids = [387];
export const modules = {

/***/ 83387:
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
        httpClient: (0,esm/* createDefaultHttpClient */.fl)(),
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
    return { pipeline, httpClient: options.httpClient };
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
const APP_FIELDS = 'id,appId,uniqueName,displayName,signInAudience,web,passwordCredentials,keyCredentials';
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
    /** Source: https://learn.microsoft.com/graph/api/application-removepassword */
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
        passwordCredentials: raw.passwordCredentials ?? [],
        keyCredentials: (raw.keyCredentials ?? []).map(key => ({
            keyId: key.keyId,
            displayName: key.displayName ?? null,
            type: key.type ?? null,
            usage: key.usage ?? null,
            startDateTime: key.startDateTime ?? null,
            endDateTime: key.endDateTime ?? null
        }))
    };
}

// EXTERNAL MODULE: ./src/model/aadsts.ts
var aadsts = __webpack_require__(78031);
;// CONCATENATED MODULE: ./src/azure/token-client.ts


/** https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#third-case-access-token-request-with-a-federated-credential */
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** A cached token is renewed this long before it expires, so that no request leaves with one about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;
/**
 * What the token endpoint refused, as Entra said it: the OAuth `error`, the AADSTS number (`error_codes[0]`), the
 * description and the trace ids. The number is the contract, the prose is not
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes#handling-error-codes-in-your-application).
 */
class EntraTokenError extends Error {
    name = 'EntraTokenError';
    status;
    error;
    code;
    traceId;
    correlationId;
    constructor(status, body) {
        super(String(body.error_description ?? body.error ?? `HTTP ${status}`));
        this.status = status;
        this.error = typeof body.error === 'string' ? body.error : undefined;
        const code = Array.isArray(body.error_codes) ? Number(body.error_codes[0]) : Number.NaN;
        this.code = Number.isFinite(code) ? code : undefined;
        this.traceId = typeof body.trace_id === 'string' ? body.trace_id : undefined;
        this.correlationId = typeof body.correlation_id === 'string' ? body.correlation_id : undefined;
    }
}
/** No answer from Entra: throttled, 5xx or no connection after the pipeline's retries. Never a verdict. */
class TokenEndpointUnavailable extends Error {
    name = 'TokenEndpointUnavailable';
}
/**
 * A TokenCredential for one app in one tenant. Tokens are kept per audience until shortly before they expire;
 * callers asking at once share one request.
 */
class ClientCredentials {
    #endpoint;
    #tenantId;
    #clientId;
    #proof;
    #tokens = new Map();
    #inFlight = new Map();
    constructor(endpoint, tenantId, clientId, proof) {
        this.#endpoint = endpoint;
        this.#tenantId = tenantId;
        this.#clientId = clientId;
        this.#proof = proof;
    }
    async getToken(scopes, options = {}) {
        const scope = Array.isArray(scopes) ? scopes.join(' ') : scopes;
        // A Key Vault challenge names the tenant its vault trusts; a token from another tenant would only be refused.
        if (options.tenantId && options.tenantId.toLowerCase() !== this.#tenantId.toLowerCase()) {
            throw new Error(`A token for tenant ${options.tenantId} was asked of a credential that signs in to tenant ${this.#tenantId}.`);
        }
        // A claims challenge asks for a token that satisfies it: never one from the cache.
        if (options.claims)
            return this.#request(scope, options);
        const cached = this.#tokens.get(scope);
        if (cached && Date.now() < cached.expiresOnTimestamp - RENEW_BEFORE_MS)
            return cached;
        let pending = this.#inFlight.get(scope);
        if (!pending) {
            pending = this.#request(scope, options)
                .then(token => {
                this.#tokens.set(scope, token);
                return token;
            })
                .finally(() => this.#inFlight.delete(scope));
            this.#inFlight.set(scope, pending);
        }
        return pending;
    }
    async #request(scope, options) {
        const form = new URLSearchParams({ client_id: this.#clientId, scope, grant_type: 'client_credentials' });
        if ('secret' in this.#proof)
            form.set('client_secret', this.#proof.secret);
        else {
            form.set('client_assertion_type', JWT_BEARER);
            form.set('client_assertion', await this.#proof.assertion());
        }
        if (options.claims)
            form.set('claims', options.claims);
        const { authorityHost, pipeline, httpClient } = this.#endpoint;
        const request = (0,esm/* createPipelineRequest */.G6)({
            url: `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(this.#tenantId)}/oauth2/v2.0/token`,
            method: 'POST',
            headers: (0,esm/* createHttpHeaders */.Nc)({
                'content-type': 'application/x-www-form-urlencoded',
                accept: 'application/json'
            }),
            body: form.toString(),
            abortSignal: options.abortSignal,
            timeout: options.requestOptions?.timeout ?? 0
        });
        const sentAt = Date.now();
        let response;
        try {
            response = await pipeline.sendRequest(httpClient, request);
        }
        catch (error) {
            const message = error instanceof RetryBudgetSpent
                ? error.message
                : `no answer from Entra's token endpoint after retrying up to ${MAX_RETRIES} times (${error.message})`;
            throw new TokenEndpointUnavailable(message, { cause: error });
        }
        const body = parseJson(response.bodyAsText);
        if (response.status === 200 && typeof body.access_token === 'string') {
            const { access_token: token, expires_in: expiresIn } = body;
            this.#endpoint.mask(token);
            return {
                token,
                tokenType: 'Bearer',
                expiresOnTimestamp: sentAt + (Number(expiresIn) || 3600) * 1000
            };
        }
        // Entra's refusals are 400 and 401 with a JSON body; anything else is no answer at all.
        if ((response.status === 400 || response.status === 401) && body) {
            throw new EntraTokenError(response.status, body);
        }
        throw new TokenEndpointUnavailable(`Entra's token endpoint answered HTTP ${response.status} (retried up to ${MAX_RETRIES} times)`);
    }
}
function parseJson(text) {
    try {
        const parsed = JSON.parse(text ?? '');
        return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/azure/credentials.ts


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
 * GitHub OIDC tokens live about five minutes, and every token request presents one: one token is reused until shortly before its `exp`, then fetched afresh, so a long
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
/** Entra's token endpoint for this run: every credential shares its pipeline and its connections. */
function tokenEndpoint(cloud, options, mask) {
    return { authorityHost: cloud.authorityHost, ...pipelineFor(options), mask };
}
/** A credential that presents the GitHub OIDC token as a client assertion for `clientId` in `tenantId`. */
function assertionCredential(endpoint, tenantId, clientId, getAssertion) {
    return new ClientCredentials(endpoint, tenantId, clientId, { assertion: getAssertion });
}
/** A credential for `clientId` in `tenantId` with a client secret. */
function secretCredential(endpoint, tenantId, clientId, secret) {
    return new ClientCredentials(endpoint, tenantId, clientId, { secret });
}

;// CONCATENATED MODULE: ./src/azure/entra-errors.ts
/**
 * Entra ID token-endpoint failures, reduced to the numbers that matter: the token client raises them as
 * EntraTokenError with the OAuth `error` and `error_codes[0]` of Entra's answer. The number is the contract; the
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
/** What a failed `getToken` says. */
function entraFailureOf(error) {
    const outer = error instanceof Error ? error : new Error(String(error));
    if (outer instanceof EntraTokenError) {
        return {
            code: outer.code ?? aadstsNumberIn(outer.message),
            error: outer.error,
            traceId: outer.traceId ?? /Trace ID: ([0-9a-f-]{36})/i.exec(outer.message)?.[1],
            correlationId: outer.correlationId ?? /Correlation ID: ([0-9a-f-]{36})/i.exec(outer.message)?.[1],
            message: firstLine(outer.message)
        };
    }
    // Not Entra's answer (no answer at all, or a wrapper that kept only the text): a number in the text is all.
    return { code: aadstsNumberIn(outer.message), message: firstLine(outer.message) };
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
        // The credential keeps the token: the role-assignment reads in this tenant reuse it.
        const token = await credential.getToken(scope);
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
        if (error instanceof TokenEndpointUnavailable) {
            return { kind: 'failed', detail: `Transient: ${error.message}.` };
        }
        if (!(error instanceof EntraTokenError))
            return { kind: 'failed', detail: error.message };
        const failure = entraFailureOf(error);
        if (failure.code === aadsts/* AADSTS */.J.tenantNotFound) {
            return {
                kind: 'no-authority',
                code: aadsts/* AADSTS */.J.tenantNotFound,
                detail: 'Entra does not know this tenant in this cloud (AADSTS90002): the tenant does not exist, or it is in another cloud.'
            };
        }
        return { kind: 'refused', code: failure.code, traceId: failure.traceId, detail: failure.message };
    }
}
function isLag(error) {
    const code = entraFailureOf(error).code;
    return code !== undefined && REPLICATION_LAG_CODES.has(code);
}

// EXTERNAL MODULE: ./node_modules/@azure/keyvault-secrets/dist/esm/index.js + 47 modules
var dist_esm = __webpack_require__(79336);
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
    return new dist_esm/* SecretClient */._V(url, credential, {
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
/**
 * Every version of the secret, newest first. Reads metadata only (`secrets/readMetadata`), never a value.
 * Source: https://learn.microsoft.com/rest/api/keyvault/secrets/get-secret-versions/get-secret-versions
 */
async function listSecretVersions(client, name) {
    const versions = [];
    try {
        for await (const properties of client.listPropertiesOfSecretVersions(name)) {
            versions.push({
                version: properties.version ?? '',
                // Absent means enabled: the attribute defaults to true (SecretAttributes.enabled).
                enabled: properties.enabled !== false,
                ...(properties.tags?.[KEY_ID_TAG] ? { keyId: properties.tags[KEY_ID_TAG].toLowerCase() } : {}),
                ...(properties.createdOn ? { createdOn: properties.createdOn } : {}),
                ...(properties.expiresOn ? { expiresOn: properties.expiresOn } : {})
            });
        }
    }
    catch (error) {
        throw keyVaultErrorOf(error, `listing the versions of secret ${name}`);
    }
    return versions.sort((a, b) => (b.createdOn?.getTime() ?? 0) - (a.createdOn?.getTime() ?? 0));
}
/**
 * Disables one version (`enabled: false`) so nobody can fetch the value of a password that no longer exists; the
 * version and its tags stay for the audit trail. PATCH /secrets/{name}/{version}, see
 * https://learn.microsoft.com/rest/api/keyvault/secrets/update-secret/update-secret
 */
async function disableSecretVersion(client, name, version) {
    try {
        await client.updateSecretProperties(name, version, { enabled: false });
    }
    catch (error) {
        throw keyVaultErrorOf(error, `disabling version ${version} of secret ${name}`);
    }
}

;// CONCATENATED MODULE: ./src/azure/probes.ts
/**
 * Data-plane proofs, run as the multi-tenant app in a customer tenant: the last step of the manual process the
 * action replaces ("can the app actually reach it?"). A Key Vault probe reads a secret's attributes through the
 * versions list, so the value never crosses the wire; an ARM probe GETs a resource group.
 */

/** Resource Groups – Get (https://learn.microsoft.com/rest/api/resources/resource-groups/get). */
const RESOURCE_GROUPS_API_VERSION = '2021-04-01';
/** HTTP statuses that mean "you may not": the probe's identity lacks the data or control-plane right. */
const DENIED = new Set([401, 403]);
function failed(error) {
    const e = error;
    const code = `${e.code ?? 'error'} (HTTP ${e.statusCode ?? '?'})`;
    const detail = (e.message ?? String(error)).split(/\r?\n/)[0] ?? '';
    return { status: e.statusCode !== undefined && DENIED.has(e.statusCode) ? 'denied' : 'error', code, detail };
}
/**
 * Lists the secret's versions (Get Secret Versions: attributes only, https://learn.microsoft.com/rest/api/keyvault/
 * secrets/get-secret-versions), which needs the `secrets/readMetadata/action` data action, never the value.
 */
async function probeKeyVaultSecret(client, secret) {
    try {
        let versions = 0;
        for await (const page of client.listPropertiesOfSecretVersions(secret).byPage({ maxPageSize: 1 })) {
            versions += page.length;
            break;
        }
        if (versions === 0) {
            return { status: 'error', code: 'SecretNotFound', detail: `the vault has no secret ${secret}` };
        }
        return { status: 'verified', detail: "the app read the secret's attributes (not its value)" };
    }
    catch (error) {
        return failed(error);
    }
}
/** GETs the resource group through the ARM client's own pipeline (authentication, retries, TLS). */
async function probeArm(client, cloud, scope) {
    try {
        const base = cloud.armEndpoint.replace(/\/+$/, '');
        const response = await client.sendRequest((0,esm/* createPipelineRequest */.G6)({
            url: `${base}${scope}?api-version=${RESOURCE_GROUPS_API_VERSION}`,
            method: 'GET'
        }));
        if (response.status === 200)
            return { status: 'verified', detail: `the app read ${scope}` };
        const body = parseError(response.bodyAsText ?? undefined);
        return {
            status: DENIED.has(response.status) ? 'denied' : 'error',
            code: `${body.code} (HTTP ${response.status})`,
            detail: body.message
        };
    }
    catch (error) {
        return failed(error);
    }
}
function parseError(text) {
    try {
        const parsed = JSON.parse(text ?? '');
        return { code: parsed.error?.code ?? 'error', message: parsed.error?.message ?? '' };
    }
    catch {
        return { code: 'error', message: (text ?? '').slice(0, 200) };
    }
}

// EXTERNAL MODULE: ./src/model/role-assignment-name.ts
var role_assignment_name = __webpack_require__(35803);
;// CONCATENATED MODULE: ./src/azure/role-assignments.ts
/**
 * Azure role assignments of the app's service principal in a customer tenant, through ARM
 * Microsoft.Authorization (api-version 2022-04-01, the SDK's). Errors are mapped here, once.
 * Source: https://learn.microsoft.com/rest/api/authorization/role-assignments
 */





// The deterministic names are the domain's (the hand-off's ARM template uses them too).


const ARM_ERRORS = {
    exists: 'RoleAssignmentExists',
    principalNotFound: 'PrincipalNotFound',
    authorizationFailed: 'AuthorizationFailed',
    wrongTenant: 'InvalidAuthenticationTokenTenant'
};
/**
 * Permissions – List is documented for a resource group and for a resource only
 * (https://learn.microsoft.com/rest/api/authorization/permissions, swagger authorization-RoleDefinitionsCalls.json
 * 2022-04-01): subscription and management-group scopes have no such operation.
 */
const PERMISSIONS_SCOPES_NOTE = 'ARM documents Permissions – List only for resource groups and resources, not at this scope';
/** `/subscriptions/{s}/resourceGroups/{rg}[/providers/{ns}/{type}/{name}[/{type}/{name}…]]`, split as the SDK wants it. */
function resourceScopeParts(scope) {
    const m = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+)\/(.+))?$/i.exec(scope.replace(/\/+$/, ''));
    if (!m)
        return undefined;
    const resourceGroup = m[1] ?? '';
    if (m[2] === undefined)
        return { kind: 'resourceGroup', resourceGroup };
    const pairs = (m[3] ?? '').split('/');
    if (pairs.length < 2 || pairs.length % 2 !== 0)
        return undefined;
    return {
        kind: 'resource',
        resourceGroup,
        namespace: m[2],
        parentPath: pairs.slice(0, -2).join('/'),
        type: pairs.at(-2) ?? '',
        name: pairs.at(-1) ?? ''
    };
}
/** The trailing GUID of any form of roleDefinitionId ARM returns or takes. */
function roleGuidOf(roleDefinitionId) {
    return (roleDefinitionId.split('/').pop() ?? '').toLowerCase();
}
const scopeKey = (scope) => scope.replace(/\/+$/, '').toLowerCase();
/** Whether two scopes are the same (ARM compares resource ids case-insensitively). */
function sameScope(a, b) {
    return scopeKey(a) === scopeKey(b);
}
/** Whether `assigned` lies below `wanted` by its path: an assignment there grants nothing at `wanted`. */
function liesBelow(assigned, wanted) {
    const a = scopeKey(assigned);
    const w = scopeKey(wanted);
    return a !== w && a.startsWith(`${w}/`);
}
/**
 * The principal's own role assignments at the scope or above it, as ARM documents the filter
 * (https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest: `atScope()` lists "only the
 * specified scope, not including the role assignments at subscopes" — that is, at or above it,
 * https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope — and `assignedTo('{objectId}')`
 * narrows it to one user or service principal). ARM walks the hierarchy itself: what it returns for a subscription
 * includes the subscription's management groups and the root `/`, which no scope string contains.
 */
function atOrAboveFilter(principalId) {
    return `atScope() and assignedTo('${principalId}')`;
}
/**
 * One client for a tenant's every scope. The constructor wants a subscription id, but it only enters the paths of
 * subscription-bound operations; the scope-based ones used here (list for scope, create, get) take the scope
 * whole, so a placeholder serves. https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope
 */
const NO_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
/** The subscription a scope lives in; undefined for a management group or the root. */
function subscriptionIdOf(scope) {
    return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]?.toLowerCase();
}
function subscriptionOf(scope) {
    return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? NO_SUBSCRIPTION;
}
function armClient(cloud, credential, options, 
/** Needed only by subscription-bound operations (Permissions – List): the scope's own. */
subscriptionId = NO_SUBSCRIPTION) {
    return new AuthorizationManagementClient(credential, subscriptionId, {
        ...options,
        endpoint: cloud.armEndpoint,
        credentialScopes: [defaultScope(cloud.armAudience)]
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
/**
 * What a failed ARM read says, in the product's words. A definitive answer (403, 404, 400) is reported as ARM gave
 * it; no answer — throttling, 5xx, a dropped connection or timeout, all already retried by the pipeline, or its
 * retry budget spent — is a transient failure, reported as such and never turned into a verdict.
 */
function failureOf(error, what) {
    const e = armErrorOf(error);
    const answer = e.statusCode > 0 ? `${e.code || 'error'} (HTTP ${e.statusCode})` : e.code || 'no answer';
    const detail = `${answer}: ${e.message}`;
    return failureKindOf(e.statusCode) === 'transient'
        ? {
            transient: true,
            detail: `Transient: ${what} could not be read, retried up to ${MAX_RETRIES} times: ${detail}`
        }
        : { transient: false, detail };
}
/** Why the role assignments could not be read: `failed` (transient) or `unverifiable` (ARM's definitive refusal). */
function unreadable(error) {
    const { transient, detail } = failureOf(error, 'the role assignments');
    if (transient)
        return { status: 'failed', failure: 'transient', detail };
    return { status: 'unverifiable', detail, statusCode: armErrorOf(error).statusCode };
}
class RoleAssignments {
    #client;
    #retry;
    constructor(client, retry = REPLICATION_RETRY) {
        this.#client = client;
        this.#retry = retry;
    }
    /**
     * Whether the principal holds the role at the scope: `present` with `via` the scope of the assignment ARM reports,
     * the scope itself when there is one there, else the ancestor it inherits from (a resource group, a subscription,
     * a management group or the root). `assignedTo` is transitive through groups: only the principal's own
     * assignments count, as apply would create them.
     */
    async check(scope, roleDefinitionId, principalId) {
        try {
            const assignments = this.#client(scope).roleAssignments.listForScope(scope, {
                filter: atOrAboveFilter(principalId)
            });
            let inheritedFrom;
            for await (const assignment of assignments) {
                const at = assignment.scope ?? '';
                if (roleGuidOf(assignment.roleDefinitionId ?? '') !== roleDefinitionId.toLowerCase() ||
                    (assignment.principalId ?? '').toLowerCase() !== principalId.toLowerCase() ||
                    at === '' ||
                    liesBelow(at, scope))
                    continue;
                if (sameScope(at, scope))
                    return { status: 'present', via: at };
                inheritedFrom ??= at;
            }
            return inheritedFrom === undefined ? { status: 'missing' } : { status: 'present', via: inheritedFrom };
        }
        catch (error) {
            return unreadable(error);
        }
    }
    /**
     * Every role assignment of the principal at, above and below the scope (`principalId eq` filter,
     * https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest): for unmanaged ones.
     */
    async listForPrincipal(scope, principalId) {
        const found = [];
        try {
            const assignments = this.#client(scope).roleAssignments.listForScope(scope, {
                filter: `principalId eq '${principalId}'`
            });
            for await (const a of assignments) {
                if ((a.principalId ?? '').toLowerCase() !== principalId.toLowerCase())
                    continue;
                found.push({
                    id: a.id ?? '',
                    scope: a.scope ?? '',
                    roleDefinitionId: roleGuidOf(a.roleDefinitionId ?? ''),
                    ...(a.condition ? { condition: a.condition } : {})
                });
            }
        }
        catch (error) {
            const e = armErrorOf(error);
            const answer = e.statusCode > 0 ? `${e.code || 'error'} (HTTP ${e.statusCode})` : e.code || 'no answer';
            throw new AzureRequestError(`the role assignments at ${scope}: ${answer}: ${e.message}`, e.statusCode, error);
        }
        return found;
    }
    /**
     * What the caller itself may do at the scope: needs no role at all ("Gets all permissions the caller has"), so it
     * answers where a principal without read rights cannot list role assignments.
     */
    async effectivePermissions(scope) {
        const parts = resourceScopeParts(scope);
        if (!parts)
            return { status: 'unavailable', detail: PERMISSIONS_SCOPES_NOTE };
        const permissions = this.#client(scope).permissions;
        try {
            const pages = parts.kind === 'resourceGroup'
                ? permissions.listForResourceGroup(parts.resourceGroup)
                : permissions.listForResource(parts.resourceGroup, parts.namespace, parts.parentPath, parts.type, parts.name);
            const read = [];
            for await (const p of pages) {
                read.push({
                    actions: p.actions ?? [],
                    notActions: p.notActions ?? [],
                    dataActions: p.dataActions ?? [],
                    notDataActions: p.notDataActions ?? []
                });
            }
            return { status: 'read', permissions: read };
        }
        catch (error) {
            const e = armErrorOf(error);
            return { status: 'unavailable', detail: `${e.code || 'error'} (HTTP ${e.statusCode}): ${e.message}` };
        }
    }
    /**
     * A role definition of the customer tenant, by GUID or by name (`roleName eq` filter,
     * https://learn.microsoft.com/rest/api/authorization/role-definitions/list): custom roles live only there.
     */
    async roleDefinition(scope, role) {
        const client = this.#client(scope);
        const shape = (d) => ({
            id: (d.name ?? '').toLowerCase(),
            permissions: (d.permissions ?? []).map(p => ({
                actions: p.actions ?? [],
                notActions: p.notActions ?? [],
                dataActions: p.dataActions ?? [],
                notDataActions: p.notDataActions ?? []
            }))
        });
        try {
            if ('id' in role)
                return shape(await client.roleDefinitions.get(scope, role.id));
            const filter = `roleName eq '${role.name.replace(/'/g, "''")}'`;
            for await (const d of client.roleDefinitions.list(scope, { filter }))
                return shape(d);
            return {
                problem: `No role named "${role.name}" is defined at ${scope} in this tenant (neither built in nor a custom role ` +
                    "assignable there): check the name in the tenants file, or ask the customer's admin to create the custom role " +
                    'with this scope among its assignable scopes.'
            };
        }
        catch (error) {
            const failure = failureOf(error, 'the role definition');
            return {
                problem: failure.transient
                    ? failure.detail
                    : `The role definition could not be read: ${failure.detail}`
            };
        }
    }
    /** Removes an assignment by its id (prune). */
    async remove(id, scope) {
        try {
            await this.#client(scope).roleAssignments.deleteById(id);
            return { status: 'removed' };
        }
        catch (error) {
            const e = armErrorOf(error);
            const detail = `${e.code || 'error'} (HTTP ${e.statusCode}): ${e.message}`;
            return { status: e.statusCode === 403 ? 'not-permitted' : 'failed', detail };
        }
    }
    /**
     * Creates the assignment under its deterministic name, with `principalType: ServicePrincipal` so that ARM does
     * not insist on seeing a just-consented principal (documented for replication delays), retrying PrincipalNotFound
     * for the lag that remains. A 409 RoleAssignmentExists means it is there under another name: nothing to do.
     */
    async assign(scope, roleDefinitionId, principalId) {
        const client = this.#client(scope);
        const name = (0,role_assignment_name/* roleAssignmentName */.P)(scope, principalId, roleDefinitionId);
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

// EXTERNAL MODULE: ./node_modules/@azure/arm-authorization/dist/index.js
var dist = __webpack_require__(71043);
// EXTERNAL MODULE: ./node_modules/@azure/core-client/dist/esm/index.js + 14 modules
var core_client_dist_esm = __webpack_require__(67381);
;// CONCATENATED MODULE: ./src/azure/arm-clients.ts
/**
 * ARM clients for many tenants. Each customer tenant needs its own client (its bearer policy keeps one tenant's
 * token), but building the SDK's pipeline — a dozen policies, a log sanitiser — for every tenant cost more CPU than
 * the tenant's own requests. The pipeline is built once, as the SDK builds it, and each tenant's client gets a copy
 * (`Pipeline.clone()`) with its own bearer policy: the same policies in the same order, for the price of a list copy.
 * https://learn.microsoft.com/javascript/api/@azure/core-rest-pipeline/pipeline#@azure-core-rest-pipeline-pipeline-clone
 */




/**
 * The constructor wants a subscription id, but it only enters the paths of subscription-bound operations; the
 * scope-based ones (list for scope, create, get) take the scope whole, so a placeholder serves.
 * https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope
 */
const arm_clients_NO_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
/** Stands in for a credential in the template client, whose bearer policy is removed before any request. */
const NO_CREDENTIAL = {
    getToken: () => Promise.reject(new Error('the template ARM client sends no request'))
};
class ArmClients {
    #template;
    #options;
    constructor(cloud, options) {
        const { additionalPolicies, ...rest } = options;
        this.#options = {
            ...rest,
            endpoint: cloud.armEndpoint,
            credentialScopes: [(0,src_cloud/* defaultScope */._V)(cloud.armAudience)]
        };
        const template = new dist/* AuthorizationManagementClient */.IK(NO_CREDENTIAL, arm_clients_NO_SUBSCRIPTION, {
            ...this.#options,
            additionalPolicies
        });
        template.pipeline.removePolicy({ name: esm/* bearerTokenAuthenticationPolicyName */.uQ });
        this.#template = template.pipeline;
    }
    /** A client signed in with `credential`; `subscriptionId` only for subscription-bound operations. */
    client(credential, subscriptionId = arm_clients_NO_SUBSCRIPTION) {
        const pipeline = this.#template.clone();
        // As the SDK's own constructor adds it: https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/authorization/arm-authorization/src/authorizationManagementClient.ts
        pipeline.addPolicy((0,esm/* bearerTokenAuthenticationPolicy */.N$)({
            credential,
            scopes: this.#options.credentialScopes,
            challengeCallbacks: { authorizeRequestOnChallenge: core_client_dist_esm/* authorizeRequestOnClaimChallenge */.fj }
        }));
        return new dist/* AuthorizationManagementClient */.IK(credential, subscriptionId, { ...this.#options, pipeline });
    }
}

// EXTERNAL MODULE: ./src/model/roles.ts + 1 modules
var roles = __webpack_require__(47798);
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
    const entra = tokenEndpoint(cloud, options, settings.mask);
    const provider = assertionCredential(entra, settings.tenantId, settings.clientId, getAssertion);
    const credential = config.app.credential;
    const vault = credential.kind === 'secret' ? secretClient(cloud, credential.keyVault, provider, options) : undefined;
    const secrets = vault && credential.kind === 'secret'
        ? {
            read: () => readSecret(vault, credential.secretName, settings.mask),
            store: (value, meta) => storeSecret(vault, credential.secretName, value, meta),
            versions: () => listSecretVersions(vault, credential.secretName),
            disable: version => disableSecretVersion(vault, credential.secretName, version)
        }
        : undefined;
    return {
        // Sign in to the provider tenant first: a federated-credential mismatch is the most common set-up error, and
        // it is clearer here, once, than as a failure of every later call.
        signIn: async () => ({
            ...(await signIn(provider, settings, () => presented)),
            ...(presented ? { presentedSubject: presented.sub } : {})
        }),
        provider: {
            apps: new AppRegistrations(graphClient(cloud, provider, options), settings.retry),
            ...(secrets ? { secrets } : {}),
            proveSecret: (appId, value) => proveSecret(secretCredential(entra, settings.tenantId, appId, value), settings),
            checkStoredSecret: (appId, value) => checkStoredSecret(secretCredential(entra, settings.tenantId, appId, value), settings),
            mask: settings.mask
        },
        tenants: access => tenantPorts(settings, options, entra, config, access, getAssertion)
    };
}
/** The app in each customer tenant, signed in with its own credential: the secret, or the GitHub assertion. */
function tenantPorts(settings, options, entra, config, access, getAssertion) {
    const { cloud } = settings;
    const { app, secret } = access;
    const arm = new ArmClients(cloud, options);
    const signInAsApp = (tenantId) => {
        if (!app)
            return undefined;
        if (config.app.credential.kind === 'federated') {
            return assertionCredential(entra, tenantId, app.appId, getAssertion);
        }
        return secret === undefined ? undefined : secretCredential(entra, tenantId, app.appId, secret);
    };
    // One port per tenant: its credential keeps the consent probe's token for the role-assignment reads after it.
    const ports = new Map();
    const portFor = (tenantId) => {
        const credential = signInAsApp(tenantId);
        if (!credential)
            return undefined;
        // Made on first use, one per subscription (Permissions – List is subscription-bound in the SDK): a tenant
        // that has not consented never needs one.
        const bySubscription = new Map();
        const clientFor = (scope) => {
            const subscription = subscriptionIdOf(scope) ?? arm_clients_NO_SUBSCRIPTION;
            let client = bySubscription.get(subscription);
            if (!client) {
                client = arm.client(credential, subscription);
                bySubscription.set(subscription, client);
            }
            return client;
        };
        const assignments = new RoleAssignments(clientFor, settings.retry);
        return {
            probeConsent: () => probeConsent(credential, {
                armAudience: cloud.armAudience,
                freshCredential: access.freshCredential ? settings.retry : undefined,
                mask: settings.mask
            }),
            checkRoleAssignment: (scope, roleDefinitionId, principalId) => assignments.check(scope, roleDefinitionId, principalId),
            assignRole: (scope, roleDefinitionId, principalId) => assignments.assign(scope, roleDefinitionId, principalId),
            effectivePermissions: scope => assignments.effectivePermissions(scope),
            roleDefinition: async (scope, role) => {
                // Built-in roles are the same everywhere: the catalogue answers without a request.
                const builtIn = 'id' in role ? (0,roles/* builtInRole */.Y1)(role.id) : undefined;
                return builtIn ?? assignments.roleDefinition(scope, role);
            },
            assignmentsOf: (scope, principalId) => assignments.listForPrincipal(scope, principalId),
            removeAssignment: (id, scope) => assignments.remove(id, scope),
            probe: probe => probe.kind === 'arm'
                ? probeArm(clientFor(probe.arm), cloud, probe.arm)
                : probeKeyVaultSecret(secretClient(cloud, probe.keyVault, credential, options), probe.secret)
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
/** One token request with the stored secret, in the provider tenant: Entra's answer, judged by the planner. */
async function checkStoredSecret(credential, settings) {
    try {
        const token = await credential.getToken((0,src_cloud/* defaultScope */._V)(settings.cloud.armAudience));
        if (!token)
            return { status: 'failed', detail: 'Entra returned no token.' };
        settings.mask(token.token);
        return { status: 'token' };
    }
    catch (error) {
        const failure = entraFailureOf(error);
        const message = failure.message.split(/\r?\n/)[0] ?? '';
        if (failure.code === undefined)
            return { status: 'failed', detail: message };
        const detail = message.startsWith('AADSTS') ? message : `AADSTS${failure.code}: ${message}`;
        return { status: 'refused', code: failure.code, detail };
    }
}

;// CONCATENATED MODULE: ./src/model/steps.ts
/** Stable keys of steps: the thing a step acts on, by id. */
const stepKey = {
    app: () => 'app',
    servicePrincipal: () => 'app/service-principal',
    owner: () => 'app/owner',
    federatedCredential: (name) => `app/federated-credential/${name}`,
    secret: () => 'app/secret',
    password: (keyId) => `app/password/${keyId.toLowerCase()}`,
    secretVersion: (version) => `app/secret/version/${version}`,
    consent: (tenantId) => `tenant/${tenantId}/consent`,
    roleAssignment: (tenantId, scope, roleDefinitionId) => `tenant/${tenantId}/role-assignment/${scope.toLowerCase()}/${roleDefinitionId.toLowerCase()}`,
    unmanagedAssignment: (tenantId, assignmentId) => `tenant/${tenantId}/unmanaged/${assignmentId.toLowerCase()}`,
    onboarding: (tenantId) => `tenant/${tenantId}/onboarding`
};

;// CONCATENATED MODULE: ./src/plan/credentials.ts
/**
 * The credential lifecycle, judged: which password the Key Vault secret holds, which ones it replaced, which were
 * left behind, and what apply does about each. Pure (no I/O, no clock: `now` is given); the azure modules carry
 * the steps out.
 *
 * A password is **managed** when its display name carries {@link MANAGED_MARKER}: the action adds it, may remove
 * it, and tags the Key Vault version holding its value with its keyId (`entra-key-id`). Any other password, every
 * certificate and every federated credential is only reported. A managed password that no enabled Key Vault version
 * references is an **orphan**: nobody can fetch its value, so nothing can depend on it. Rotation always writes in
 * the safe order add → prove → store → retire, so a run that dies leaves at most one orphan and never loses the
 * stored secret:
 *
 * | The run dies …                                           | It leaves                                              | The next apply                                                                  |
 * |------------------------------------------------------------|--------------------------------------------------------|---------------------------------------------------------------------------------|
 * | before addPassword reaches Entra                           | nothing                                                | plans the same again                                                            |
 * | after addPassword (answer lost or not), before the vault write | a managed password stored nowhere: an orphan       | within the grace: reports it `in-flight`; after it: removes it, first of all; rotates again if still due |
 * | during the proof, the vault write, or the removal of a new password that failed them | the same orphan (unless the removal got through) | the same                                                 |
 * | after the vault write (answer lost or not), before retiring | the new current secret, the one it replaced, and perhaps an older managed one | keeps the current and the newest replaced one (overlap), retires the rest |
 * | after removing a retired password, before disabling its version | an enabled version whose password is gone         | disables that version (`disable-kv-version`)                                    |
 * | while removing an orphan                                   | the orphan, or nothing if Entra removed it already     | removes it if it is still there                                                 |
 *
 * The grace ({@link ORPHAN_GRACE_MS}) protects a rotation in flight in a concurrent run: its password exists for a
 * few seconds before its Key Vault version does. test/e2e/crash.test.ts holds the bundle to this table: it kills it
 * at every request of a rotation (`npm run chaos`) and checks what the next run leaves.
 */


/** The display-name marker of passwords the action adds (`entra-tenant-bridge 2026-11-28`). */
const MANAGED_MARKER = 'entra-tenant-bridge';
/**
 * An orphan younger than this may belong to a rotation still running (add → prove → store takes seconds, plus
 * Entra's replication retries of up to a minute or two): only older ones are removed.
 */
const ORPHAN_GRACE_MS = 15 * 60_000;
/** GitHub's OIDC issuer; a pull request's token has the subject `repo:OWNER/REPO:pull_request`. */
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const DAY_MS = 86_400_000;
/** The display name of a password the action adds. */
function managedDisplayName(now) {
    return `${MANAGED_MARKER} ${now.toISOString().slice(0, 10)}`;
}
function isManaged(password) {
    const name = password.displayName ?? '';
    return name === MANAGED_MARKER || name.startsWith(`${MANAGED_MARKER} `);
}
/**
 * The command that removes a password by hand.
 * Source: https://learn.microsoft.com/cli/azure/ad/app/credential#az-ad-app-credential-delete
 */
function passwordDeleteCommand(appId, keyId) {
    return `az ad app credential delete --id ${appId} --key-id ${keyId}`;
}
function credentials_judgeCredentials(config, observed, options) {
    const credential = config.app.credential;
    const app = observed.app.status === 'found' ? observed.app.app : undefined;
    if (credential.kind !== 'secret') {
        return {
            secret: { status: 'not-configured', version: null, expiresOn: null },
            credentials: app ? reportAll(app, undefined, config, options, new Map()) : [],
            first: [],
            last: [],
            federatedSubjects: federatedSubjects(config, app, options),
            notices: options.rotate === 'never'
                ? []
                : [
                    `rotate: ${options.rotate} has no effect: credential.kind is federated, so the app has no secret to rotate. ` +
                        'Set rotate: never to silence this notice.'
                ]
        };
    }
    const ledger = ledgerOf(observed, app);
    const secret = secretJudgement(config, observed, ledger, options);
    const rotating = options.rotate !== 'never' &&
        (secret.status === 'missing' || secret.status === 'due' || secret.status === 'invalid') &&
        observed.app.status !== 'error' &&
        observed.app.status !== 'not-owned';
    const roles = new Map();
    const steps = app && ledger.versions ? lifecycleSteps(config, app, ledger, rotating, options, roles) : [];
    const last = [];
    if (rotating)
        last.push(rotationStep(config, secret));
    last.push(...steps.filter(step => step.kind !== 'remove-orphan'));
    return {
        secret,
        credentials: app ? reportAll(app, ledger, config, options, roles) : [],
        first: steps.filter(step => step.kind === 'remove-orphan'),
        last,
        notices: []
    };
}
function ledgerOf(observed, app) {
    const secret = observed.secret;
    let versions;
    if (Array.isArray(observed.secretVersions))
        versions = observed.secretVersions;
    else if (observed.secretVersions === undefined && secret.status === 'missing')
        versions = [];
    else if (observed.secretVersions === undefined && secret.status === 'found') {
        // Only the latest version was read: enough to judge the current secret, and the rest is taken as absent.
        versions = [
            {
                version: secret.version,
                enabled: true,
                ...(secret.keyId ? { keyId: secret.keyId.toLowerCase() } : {}),
                ...(secret.expiresOn ? { expiresOn: secret.expiresOn } : {})
            }
        ];
    }
    const current = secret.status === 'found'
        ? (versions?.find(v => v.version === secret.version) ?? {
            version: secret.version,
            enabled: true,
            ...(secret.keyId ? { keyId: secret.keyId.toLowerCase() } : {}),
            ...(secret.expiresOn ? { expiresOn: secret.expiresOn } : {})
        })
        : undefined;
    return { app, versions, current };
}
function secretJudgement(config, observed, ledger, options) {
    const credential = config.app.credential;
    if (credential.kind !== 'secret')
        return { status: 'not-configured', version: null, expiresOn: null };
    const secret = observed.secret;
    const found = secret.status === 'found' ? secret : undefined;
    const currentPassword = ledger.app?.passwordCredentials.find(p => ledger.current?.keyId !== undefined && p.keyId.toLowerCase() === ledger.current.keyId);
    const base = {
        ...(currentPassword ? { currentManaged: isManaged(currentPassword) } : {}),
        version: found?.version ?? null,
        expiresOn: found?.expiresOn?.toISOString() ?? null,
        ...(found?.expiresOn
            ? { rotatesFrom: isoDate(new Date(found.expiresOn.getTime() - credential.rotateBeforeDays * DAY_MS)) }
            : {})
    };
    if (secret.status === 'error')
        return { ...base, status: 'failed', reason: secret.detail };
    if (secret.status === 'missing' || secret.status === 'not-configured')
        return { ...base, status: 'missing', reason: `Key Vault has no secret ${credential.secretName} yet.` };
    const keyId = ledger.current?.keyId;
    if (ledger.app && keyId && !ledger.app.passwordCredentials.some(p => p.keyId.toLowerCase() === keyId)) {
        return {
            ...base,
            status: 'invalid',
            reason: `The stored secret belongs to password ${keyId}, which the app no longer has: it cannot authenticate.`
        };
    }
    const proof = observed.secretProof;
    const started = currentPassword?.startDateTime ? Date.parse(currentPassword.startDateTime) : Number.NaN;
    const grace = options.graceMs ?? ORPHAN_GRACE_MS;
    if (proof?.status === 'refused' && rejectsTheSecret(proof) && options.now.getTime() - started < grace) {
        // A password Entra has not replicated everywhere yet is refused as if it were wrong (AADSTS7000215), for
        // seconds after it was added: within the grace that is not proof enough to replace it again.
        return {
            ...base,
            status: 'failed',
            reason: `The stored secret was refused (${proof.detail}), but its password is younger than the grace (${grace / 60_000} minutes) and may not have replicated yet; the next run judges it again.`
        };
    }
    if (proof?.status === 'refused' && rejectsTheSecret(proof)) {
        return {
            ...base,
            status: 'invalid',
            reason: `The stored secret does not authenticate in the provider tenant: ${proof.detail}`
        };
    }
    if (options.rotate === 'force')
        return { ...base, status: 'due', reason: 'rotate: force.' };
    if (found?.expiresOn) {
        const daysLeft = daysUntil(found.expiresOn, options.now);
        if (daysLeft < credential.rotateBeforeDays) {
            return {
                ...base,
                status: 'due',
                reason: daysLeft < 0
                    ? `The secret expired on ${isoDate(found.expiresOn)}.`
                    : `The secret expires in ${daysLeft} day(s), within rotateBeforeDays (${credential.rotateBeforeDays}).`
            };
        }
    }
    if (proof && proof.status !== 'token') {
        return { ...base, status: 'failed', reason: `The stored secret could not be proven: ${proof.detail}` };
    }
    return { ...base, status: 'current' };
}
/** Entra's answers that say the secret itself is wrong; any other refusal leaves the proof open. */
const SECRET_REJECTED = new Set([aadsts/* AADSTS */.J.invalidClientSecret, aadsts/* AADSTS */.J.expiredClientSecret]);
function rejectsTheSecret(proof) {
    return proof.status === 'refused' && proof.code !== undefined && SECRET_REJECTED.has(proof.code);
}
function rotationStep(config, secret) {
    const credential = config.app.credential;
    if (credential.kind !== 'secret')
        throw new Error('no secret to rotate');
    const retire = secret.currentManaged === false
        ? 'the password it replaces was not made by the action and is left in place'
        : `the password it replaces stays valid for overlapDays (${credential.overlapDays}) and is then removed`;
    return {
        kind: secret.status === 'missing' ? 'create-secret' : 'rotate-secret',
        key: stepKey.secret(),
        target: `secret ${credential.secretName} in ${credential.keyVault}`,
        reason: `${secret.reason ?? ''} A new password is added, proven to authenticate and stored as a new version; ` +
            `${secret.status === 'missing' ? 'there is no previous one' : retire}.`,
        write: true,
        lifetimeDays: credential.lifetimeDays
    };
}
/** Orphan removals, retirements and version disabling; fills `roles` with each password's place. */
function lifecycleSteps(config, app, ledger, rotating, options, roles) {
    const credential = config.app.credential;
    if (credential.kind !== 'secret')
        return [];
    const versions = ledger.versions ?? [];
    const grace = options.graceMs ?? ORPHAN_GRACE_MS;
    const now = options.now.getTime();
    const currentKeyId = ledger.current?.keyId;
    const enabledOf = (keyId) => versions.filter(v => v.enabled && v.keyId === keyId);
    const steps = [];
    const previous = [];
    for (const password of app.passwordCredentials) {
        const keyId = password.keyId.toLowerCase();
        if (keyId === currentKeyId) {
            roles.set(keyId, {
                state: 'current',
                ...(ledger.current ? { version: ledger.current.version } : {}),
                ...(isManaged(password) ? {} : { detail: 'Not made by the action: never removed by it.' })
            });
            continue;
        }
        if (!isManaged(password)) {
            roles.set(keyId, { state: 'foreign', detail: 'Not made by the action: left alone.' });
            continue;
        }
        const holding = enabledOf(keyId);
        if (holding.length === 0) {
            const started = password.startDateTime ? Date.parse(password.startDateTime) : Number.NaN;
            const leftBehind = options.leftBehind?.includes(keyId) ?? false;
            if (!leftBehind && Number.isFinite(started) && now - started < grace) {
                roles.set(keyId, {
                    state: 'in-flight',
                    detail: `Stored nowhere, but younger than the grace (${grace / 60_000} minutes): perhaps a rotation still running. The next apply after that removes it.`
                });
                continue;
            }
            roles.set(keyId, {
                state: 'orphan',
                detail: leftBehind
                    ? 'Apply could not remove it: no Key Vault version holds it, so nothing can use it.'
                    : 'No Key Vault version holds it (a run died between adding and storing it): nothing can use it.'
            });
            steps.push({
                kind: 'remove-orphan',
                key: stepKey.password(keyId),
                target: `password ${keyId} of ${config.app.uniqueName}`,
                reason: 'A password the action added that no Key Vault version holds: nothing can use it, so it is removed.',
                write: true,
                keyId
            });
            continue;
        }
        previous.push({
            password,
            newest: Math.max(...holding.map(v => v.createdOn?.getTime() ?? 0)),
            versions: holding.map(v => v.version)
        });
    }
    // The newest previous password stays while its successor is younger than the overlap; with a rotation in this
    // run, the current one becomes that previous password instead, and every other one goes.
    previous.sort((a, b) => b.newest - a.newest);
    const currentSince = ledger.current?.createdOn?.getTime();
    const overlapEnds = currentSince === undefined ? undefined : currentSince + credential.overlapDays * DAY_MS;
    const keptWithoutRotation = previous[0] && overlapEnds !== undefined && now < overlapEnds && !isExpired(previous[0].password, now)
        ? previous[0]
        : undefined;
    const currentPassword = app.passwordCredentials.find(p => p.keyId.toLowerCase() === currentKeyId);
    const currentTakesSlot = rotating &&
        currentPassword !== undefined &&
        isManaged(currentPassword) &&
        !isExpired(currentPassword, now);
    for (const entry of previous) {
        const keyId = entry.password.keyId.toLowerCase();
        const expired = isExpired(entry.password, now);
        const kept = entry === keptWithoutRotation;
        if (kept && !currentTakesSlot) {
            roles.set(keyId, {
                state: 'previous',
                version: entry.versions[0],
                detail: `Replaced; kept for the overlap until ${isoDate(new Date(overlapEnds ?? now))}, then removed.`
            });
            continue;
        }
        const reason = expired
            ? `It expired on ${isoDate(new Date(Date.parse(entry.password.endDateTime ?? '')))}.`
            : kept
                ? 'This rotation replaces the current secret; the current one becomes the previous and this one goes (at most two managed passwords).'
                : overlapEnds !== undefined && now >= overlapEnds
                    ? `Its successor was stored more than overlapDays (${credential.overlapDays}) ago.`
                    : 'A newer replaced password is kept for the overlap; this older one goes (at most two managed passwords).';
        roles.set(keyId, { state: 'retiring', version: entry.versions[0], detail: reason });
        steps.push(retireStep(config, keyId, entry.versions, reason, kept));
    }
    const current = ledger.current;
    if (rotating &&
        currentPassword &&
        isManaged(currentPassword) &&
        isExpired(currentPassword, now) &&
        currentKeyId) {
        roles.set(currentKeyId, { state: 'retiring', detail: 'Expired: removed once its successor is stored.' });
        steps.push(retireStep(config, currentKeyId, enabledOf(currentKeyId).map(v => v.version), 'The current secret expired: it is removed once its successor is stored.', true));
    }
    // Versions whose password is gone: nobody should fetch a dead secret. The latest version is disabled only once
    // a new one is stored (Key Vault would otherwise answer every read of the secret with 403 SecretDisabled).
    const onApp = new Set(app.passwordCredentials.map(p => p.keyId.toLowerCase()));
    for (const version of versions) {
        if (!version.enabled || !version.keyId || onApp.has(version.keyId))
            continue;
        const isCurrent = version.version === current?.version;
        if (isCurrent && !rotating)
            continue;
        steps.push({
            kind: 'disable-kv-version',
            key: stepKey.secretVersion(version.version),
            target: `version ${version.version} of secret ${credential.secretName}`,
            reason: `It holds password ${version.keyId}, which the app no longer has: it is disabled so nobody fetches a dead secret.`,
            write: true,
            version: version.version,
            afterRotation: isCurrent
        });
    }
    return steps;
}
function retireStep(config, keyId, versions, reason, afterRotation) {
    return {
        kind: 'retire-password',
        key: stepKey.password(keyId),
        target: `password ${keyId} of ${config.app.uniqueName}`,
        reason: `${reason} Its Key Vault version${versions.length === 1 ? ' is' : 's are'} disabled after it is removed.`,
        write: true,
        keyId,
        versions,
        afterRotation
    };
}
function reportAll(app, ledger, config, options, roles) {
    const credential = config.app.credential;
    const soonDays = credential.kind === 'secret' ? credential.rotateBeforeDays : 30;
    const passwords = app.passwordCredentials.map(password => {
        const keyId = password.keyId.toLowerCase();
        const managed = isManaged(password);
        const role = roles.get(keyId) ??
            (managed
                ? {
                    state: 'unknown',
                    detail: ledger === undefined
                        ? 'The app is secretless (kind: federated): this password is not used by the action.'
                        : 'Key Vault could not be read: whether it is stored is not known.'
                }
                : { state: 'foreign', detail: 'Not made by the action: left alone.' });
        const removable = managed && role.state !== 'current' && role.state !== 'previous';
        return {
            ...timed('password', keyId, password.displayName, password.startDateTime, password.endDateTime, options, soonDays),
            managed,
            hint: password.hint,
            state: role.state,
            ...(role.version ? { keyVaultVersion: role.version } : {}),
            ...(role.detail ? { detail: role.detail } : {}),
            ...(removable ? { fixCommand: passwordDeleteCommand(app.appId, keyId) } : {})
        };
    });
    const certificates = app.keyCredentials.map((key) => ({
        ...timed('certificate', key.keyId, key.displayName, key.startDateTime, key.endDateTime, options, soonDays),
        managed: false,
        hint: null,
        state: 'foreign',
        detail: 'Certificates are not managed by the action: only reported.'
    }));
    const configured = new Set(config.app.federatedCredentials.map(fic => fic.name));
    const federated = app.federatedCredentials.map(fic => ({
        kind: 'federated',
        id: fic.name,
        displayName: fic.name,
        managed: configured.has(fic.name),
        hint: null,
        start: null,
        end: null,
        daysLeft: null,
        state: configured.has(fic.name) ? 'configured' : 'unlisted',
        subject: fic.subject,
        issuer: fic.issuer
    }));
    return [...passwords, ...certificates, ...federated];
}
function timed(kind, id, displayName, start, end, options, soonDays) {
    const endDate = end ? new Date(end) : undefined;
    const daysLeft = endDate && Number.isFinite(endDate.getTime()) ? daysUntil(endDate, options.now) : null;
    const flag = endDate && endDate.getTime() <= options.now.getTime()
        ? 'expired'
        : daysLeft !== null && daysLeft < soonDays
            ? 'expiring'
            : undefined;
    return { kind, id, displayName, start, end, daysLeft, ...(flag ? { flag } : {}) };
}
/**
 * The subjects a secretless app's federated credentials must match: each one the tenants file lists, the pull
 * request's (plans on pull requests sign in as the app too), and the one this run presented.
 * Subject formats: https://docs.github.com/actions/reference/security/oidc#example-subject-claims
 */
function federatedSubjects(config, app, options) {
    const onApp = (subject) => (app?.federatedCredentials ?? []).some(fic => fic.issuer === GITHUB_ISSUER && fic.subject === subject);
    const wanted = new Map();
    for (const fic of config.app.federatedCredentials) {
        if (fic.issuer === GITHUB_ISSUER)
            wanted.set(fic.subject, `listed in the tenants file as ${fic.name}`);
    }
    const repository = options.repository ?? repositoryOf(options.presentedSubject);
    if (repository) {
        const pullRequest = `repo:${repository}:pull_request`;
        if (!wanted.has(pullRequest))
            wanted.set(pullRequest, 'plans on pull requests present it');
    }
    const presented = options.presentedSubject;
    if (presented && !wanted.has(presented))
        wanted.set(presented, 'this run presented it');
    return [...wanted].map(([subject, why]) => ({
        subject,
        why,
        onApp: onApp(subject),
        presented: subject === presented
    }));
}
function repositoryOf(subject) {
    return subject ? /^repo:([^:]+\/[^:]+):/.exec(subject)?.[1] : undefined;
}
function isExpired(password, now) {
    return password.endDateTime !== null && Date.parse(password.endDateTime) <= now;
}
function daysUntil(end, now) {
    return Math.floor((end.getTime() - now.getTime()) / DAY_MS);
}
function isoDate(date) {
    return date.toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./src/apply/credentials.ts

const credentials_DAY_MS = 86_400_000;
async function applyCredentialStep(step, app, state, writers) {
    switch (step.kind) {
        case 'create-secret':
        case 'rotate-secret':
            return rotateSecret(step.lifetimeDays, app, state, writers);
        case 'remove-orphan':
            await removeOrLeave(app, step.keyId, state, writers);
            return undefined;
        case 'retire-password':
            await removeOrLeave(app, step.keyId, state, writers);
            // Only once the password is gone: until then its version is still the way to its value.
            for (const version of step.versions)
                await vault(writers).disable(version);
            return step.versions.length > 0 ? `disabled version(s) ${step.versions.join(', ')}` : undefined;
        case 'disable-kv-version':
            await vault(writers).disable(step.version);
            return undefined;
    }
}
/** Removes a managed password; on failure the error names the password and the command that removes it. */
async function removeOrLeave(app, keyId, state, writers) {
    try {
        await writers.apps.removePassword(app.id, keyId);
    }
    catch (error) {
        state.leftBehind.push(keyId);
        throw new Error(`password ${keyId} could not be removed (${error.message}); remove it with: ${passwordDeleteCommand(app.appId, keyId)}`, { cause: error });
    }
}
/**
 * Adds a managed password, proves it authenticates, then stores it as a new Key Vault version. The passwords it
 * replaces are retired by later steps, after the overlap. A new password that never authenticates, or cannot be
 * stored, is removed again: nothing can depend on it. If that removal fails too, the report says so.
 */
async function rotateSecret(lifetimeDays, app, state, writers) {
    const now = writers.now();
    const end = new Date(now.getTime() + lifetimeDays * credentials_DAY_MS);
    const created = await writers.apps.addPassword(app.id, managedDisplayName(now), end);
    writers.mask(created.secretText);
    // Until it is stored, nothing can depend on the new password: on any failure it is removed again.
    const discard = async (why, error) => {
        let cleanUp = 'so it was removed and the old one kept';
        try {
            await writers.apps.removePassword(app.id, created.keyId);
        }
        catch (removal) {
            state.leftBehind.push(created.keyId);
            cleanUp =
                `and removing it failed too (${removal.message}): an orphan password ${created.keyId} is left ` +
                    `(the next apply removes it; by hand: ${passwordDeleteCommand(app.appId, created.keyId)}); the old one was kept`;
        }
        throw new Error(`${why}, ${cleanUp}: ${error.message}`, { cause: error });
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
        stored = await vault(writers).store(created.secretText, {
            expiresOn,
            keyId: created.keyId,
            appId: app.appId
        });
    }
    catch (error) {
        return discard('the new secret could not be stored in Key Vault', error);
    }
    state.secret = { value: created.secretText, version: stored.version, expiresOn };
    return `password ${created.keyId}, version ${stored.version}, expires ${expiresOn.toISOString().slice(0, 10)}`;
}
function vault(writers) {
    if (!writers.secrets)
        throw new Error('no Key Vault is configured');
    return writers.secrets;
}

;// CONCATENATED MODULE: ./src/apply/apply.ts

async function applyProvider(steps, app, writers) {
    const done = [];
    const result = { steps: done, app, leftBehind: [], changed: false };
    let blocked;
    // Retiring what a rotation replaces waits for the rotation: the old secret stays unless the new one is stored.
    let rotation = 'done';
    for (const step of steps) {
        if (!step.write) {
            done.push({ ...step, outcome: 'manual' });
            continue;
        }
        const waitsForRotation = 'afterRotation' in step && step.afterRotation && rotation !== 'done';
        if (blocked || waitsForRotation) {
            if (step.kind === 'create-secret' || step.kind === 'rotate-secret')
                rotation = 'not done';
            done.push({ ...step, outcome: 'skipped', detail: blocked ?? 'skipped: the rotation did not complete' });
            continue;
        }
        try {
            const detail = await applyProviderStep(step, result, writers);
            result.changed = true;
            done.push({ ...step, outcome: 'done', ...(detail ? { detail } : {}) });
        }
        catch (error) {
            done.push({ ...step, outcome: 'failed', detail: error.message });
            if (step.kind === 'create-secret' || step.kind === 'rotate-secret')
                rotation = 'not done';
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
        case 'remove-orphan':
        case 'retire-password':
        case 'disable-kv-version':
            return applyCredentialStep(step, appRef(), result, writers);
        default:
            throw new Error(`${step.kind} is not a provider write step`);
    }
}
/** Role assignments in customer tenants; a refusal there is reported for the customer admin to act on. */
async function applyTenants(steps, ports) {
    const done = [];
    for (const step of steps) {
        if (step.kind === 'remove-assignment') {
            done.push(await removeAssignment(step, ports));
            continue;
        }
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
/** prune: removes an assignment the tenants file does not list; a refusal is the customer's to act on. */
async function removeAssignment(step, ports) {
    const tenant = ports.tenant(step.tenantId);
    if (!tenant)
        return { ...step, outcome: 'skipped', detail: 'no credential for this tenant' };
    const outcome = await tenant.removeAssignment(step.assignmentId, step.scope);
    if (outcome.status === 'removed')
        return { ...step, outcome: 'done' };
    return {
        ...step,
        outcome: outcome.status === 'not-permitted' ? 'manual' : 'failed',
        detail: outcome.detail
    };
}

;// CONCATENATED MODULE: ./src/observe/credentials.ts
async function observeCredentials(observed, secretValue, ports) {
    const appId = observed.app.status === 'found' ? observed.app.app.appId : undefined;
    const secrets = ports.secrets;
    const [secretVersions, secretProof] = await Promise.all([
        secrets && observed.secret.status !== 'error' && observed.secret.status !== 'not-configured'
            ? listVersions(() => secrets.versions())
            : undefined,
        appId && secretValue !== undefined ? ports.checkStoredSecret(appId, secretValue) : undefined
    ]);
    return {
        ...observed,
        ...(secretVersions === undefined ? {} : { secretVersions }),
        ...(secretProof === undefined ? {} : { secretProof })
    };
}
async function listVersions(list) {
    try {
        return await list();
    }
    catch (error) {
        return { error: error.message };
    }
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
function observed_failureOf(error) {
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
        return { status: 'error', detail: error.message, failure: observed_failureOf(error) };
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
        return { observed: { status: 'error', detail: error.message, failure: observed_failureOf(error) } };
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
        assignments.push(await observeAssignment(port, wanted, principalId));
    }
    const unmanaged = await unmanagedAssignments(port, tenant, assignments, principalId);
    return { tenantId: tenant.tenantId, consent, assignments, ...unmanaged };
}
/**
 * One required assignment: the role assignments at the scope; where they cannot be read, or where the role is
 * absent, the app's own effective permissions there (they tell whether it holds the role, and whether it may
 * assign it itself).
 */
async function observeAssignment(port, wanted, principalId) {
    const role = await port.roleDefinition(wanted.scope, wanted.roleDefinitionId ? { id: wanted.roleDefinitionId } : { name: wanted.role.trim() });
    // A GUID the tenant will not show may still be assigned: check the assignment by GUID alone.
    if ('problem' in role && !wanted.roleDefinitionId) {
        return {
            scope: wanted.scope,
            roleDefinitionId: '',
            lookup: { status: 'unverifiable', detail: role.problem },
            roleProblem: role.problem
        };
    }
    const id = 'problem' in role ? wanted.roleDefinitionId : role.id;
    const lookup = await port.checkRoleAssignment(wanted.scope, id, principalId);
    const observed = {
        scope: wanted.scope,
        roleDefinitionId: id,
        lookup,
        ...('problem' in role ? {} : { rolePermissions: role.permissions })
    };
    if (lookup.status === 'present')
        return observed;
    return { ...observed, effective: await port.effectivePermissions(wanted.scope) };
}
/**
 * The principal's assignments the file does not list, read at each subscription (or management group) of the
 * file's scopes. The Role Based Access Control Administrator delegation of the hand-off is how apply manages
 * grants, not extra access. When they cannot be read, why (the planner decides what that means).
 */
async function unmanagedAssignments(port, tenant, assignments, principalId) {
    const roots = [...new Set(tenant.roleAssignments.map(a => rootOf(a.scope)))];
    // An assignment a required one is held through (at a parent scope, a management group or the root) is the file's
    // grant, not an extra: pruning it would take the required access away.
    const wanted = new Set(assignments.flatMap(a => [
        `${observe_scopeKey(a.scope)}|${a.roleDefinitionId}`,
        ...(a.lookup.status === 'present' ? [`${observe_scopeKey(a.lookup.via)}|${a.roleDefinitionId}`] : [])
    ]));
    const seen = new Map();
    try {
        for (const root of roots) {
            for (const found of await port.assignmentsOf(root, principalId)) {
                if (found.roleDefinitionId === roles/* RBAC_ADMINISTRATOR_ROLE_ID */.Ci)
                    continue;
                if (!wanted.has(`${observe_scopeKey(found.scope)}|${found.roleDefinitionId}`))
                    seen.set(found.id.toLowerCase(), found);
            }
        }
    }
    catch (error) {
        return { unmanagedUnread: { detail: error.message, failure: observed_failureOf(error) } };
    }
    return { unmanaged: [...seen.values()] };
}
const observe_scopeKey = (scope) => scope.replace(/\/+$/, '').toLowerCase() || '/';
/** The subscription or management group a scope lives in. */
function rootOf(scope) {
    return (/^(\/subscriptions\/[^/]+|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)/i.exec(scope)?.[1] ?? scope);
}
/**
 * The data-plane probes of every consented tenant, run last (after apply, in apply mode) so that they prove the
 * access as it stands at the end of the run. Adds `probes` to each observed tenant.
 */
async function observeProbes(tenants, observed, ports, concurrency) {
    await mapLimit(tenants, concurrency, async (tenant) => {
        const seen = observed.get(tenant.tenantId);
        const port = ports.tenant(tenant.tenantId);
        if (!seen || seen.consent.kind !== 'token' || !port || !tenant.probes?.length)
            return;
        const results = [];
        for (const probe of tenant.probes) {
            const outcome = await port.probe(probe);
            results.push({
                kind: probe.kind,
                target: probe.kind === 'arm' ? probe.arm : `${probe.keyVault} › ${probe.secret}`,
                status: outcome.status,
                ...(outcome.status === 'verified' ? {} : { code: outcome.code }),
                detail: outcome.detail,
                line: probe.position.line
            });
        }
        seen.probes = results;
    });
}
function skipped(tenant) {
    return tenant.roleAssignments.map(a => ({
        scope: a.scope,
        roleDefinitionId: a.roleDefinitionId,
        lookup: { status: 'skipped' }
    }));
}

// EXTERNAL MODULE: ./src/plan/commands.ts
var commands = __webpack_require__(34593);
;// CONCATENATED MODULE: ./src/plan/access.ts
/** The operation whose grant lets the app create role assignments itself. */
const ROLE_ASSIGNMENT_WRITE = 'Microsoft.Authorization/roleAssignments/write';
/**
 * Azure RBAC wildcards: `*` stands for any run of characters, names compare case-insensitively
 * (https://learn.microsoft.com/azure/role-based-access-control/role-definitions#actions).
 */
function operationMatches(pattern, operation) {
    const source = pattern
        .split('*')
        .map(part => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${source}$`, 'i').test(operation);
}
/** Whether two wildcard patterns can name a common operation (either matches the other read literally). */
function overlaps(a, b) {
    return operationMatches(a, b) || operationMatches(b, a);
}
/**
 * Whether the effective permissions grant everything `wanted` (a role's action pattern) names, minus what the
 * role itself excludes: some block allows a superset of it, and each exclusion of that block that touches it is
 * one the role makes too. NotActions subtract within their block only
 * (https://learn.microsoft.com/azure/role-based-access-control/role-definitions#notactions).
 */
function covers(effective, wanted, roleExclusions, plane) {
    const excluded = new Set(roleExclusions.map(e => e.toLowerCase()));
    return effective.some(block => {
        const allowed = plane === 'control' ? block.actions : block.dataActions;
        const denied = plane === 'control' ? block.notActions : block.notDataActions;
        return (allowed.some(a => operationMatches(a, wanted)) &&
            denied.every(n => excluded.has(n.toLowerCase()) || !overlaps(n, wanted)));
    });
}
/** Whether effective permissions include every action and data action of the role. */
function holdsRole(effective, role) {
    return role.every(block => block.actions.every(a => covers(effective, a, block.notActions, 'control')) &&
        block.dataActions.every(a => covers(effective, a, block.notDataActions, 'data')));
}
/** Whether effective permissions let the app write role assignments (ABAC conditions are judged by ARM). */
function mayAssignRoles(effective) {
    return covers(effective, ROLE_ASSIGNMENT_WRITE, [], 'control');
}
const access_sameScope = (a, b) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
/**
 * The status of one required assignment. `step` is apply's outcome for its assign step (absent in plan mode or when
 * there was none).
 */
function accessVerdict(observed, step) {
    const lookup = observed?.lookup;
    if (!observed || !lookup || lookup.status === 'skipped')
        return { status: 'skipped' };
    // A role the tenant does not define (a custom role named by name) is a mistake to fix, not drift to wait out.
    if (observed.roleProblem)
        return { status: 'error', detail: observed.roleProblem };
    if (lookup.status === 'present') {
        return access_sameScope(lookup.via, observed.scope)
            ? { status: 'present' }
            : { status: 'inherited', detail: `Held through an assignment at ${lookup.via}.` };
    }
    const absent = absence(observed);
    if (absent === 'held') {
        return {
            status: 'present',
            detail: "Verified from the app's effective permissions here (it may not read role assignments): held at this scope or above."
        };
    }
    if (step?.outcome === 'done')
        return { status: 'applied', ...(step.detail ? { detail: step.detail } : {}) };
    // No answer is not a verdict: a transient failure is an error of the run, not drift of the tenant.
    if (lookup.status === 'failed') {
        return { status: 'error', detail: `${lookup.detail}${step?.detail ? ` Apply: ${step.detail}` : ''}` };
    }
    if (absent === 'unknown') {
        const why = lookup.status === 'unverifiable' ? lookup.detail : undefined;
        const permissions = observed.effective?.status === 'unavailable' ? observed.effective.detail : undefined;
        const detail = [why, permissions].filter((p) => p !== undefined).join('; ');
        return {
            status: 'unverifiable',
            detail: `Neither the role assignments nor the app's effective permissions could be read: ${detail}.${step?.detail ? ` Apply: ${step.detail}` : ''}`
        };
    }
    if (step?.outcome === 'manual')
        return { status: 'awaiting-customer', detail: step.detail ?? '' };
    if (step?.outcome === 'failed')
        return { status: 'missing', detail: step.detail ?? 'apply failed' };
    if (observed.effective?.status === 'read' && !mayAssignRoles(observed.effective.permissions)) {
        return {
            status: 'awaiting-customer',
            detail: "The app may not create role assignments here (its effective permissions lack Microsoft.Authorization/roleAssignments/write): the customer's admin grants it."
        };
    }
    return { status: 'missing' };
}
/**
 * `absent`: verified absent; `held`: effective permissions prove it; `unknown`: neither could be read. A listing that
 * answered is trusted over effective permissions: another role may cover the same actions today, but the file asks
 * for this assignment.
 */
function absence(observed) {
    if (observed.lookup.status === 'missing')
        return 'absent';
    const effective = observed.effective;
    if (effective?.status === 'read' && observed.rolePermissions) {
        return holdsRole(effective.permissions, observed.rolePermissions) ? 'held' : 'absent';
    }
    return 'unknown';
}
/** Statuses that mean a required role is not in place (a consented tenant with one has drifted). */
const ROLE_GAPS = new Set([
    'missing',
    'awaiting-customer',
    'unverifiable'
]);
/** Whether apply should try to create it: verified absent, or not known (the PUT is idempotent by name). */
function wantsAssignStep(verdict) {
    return verdict.status === 'missing' || verdict.status === 'unverifiable' || verdict.status === 'error';
}
/**
 * Whether the app's unmanaged role assignments not being readable counts, and why: always when ARM did not answer
 * (transient: an error of the run), and when `prune: true` asked for them to be removed (ARM's refusal then means
 * prune cannot do its work). Otherwise the check is best-effort: an app held to least privilege often may not list
 * the assignments of a whole subscription, and that is no fault of the tenant.
 */
function unmanagedUnreadVerdict(tenant, observed) {
    const unread = observed?.unmanagedUnread;
    if (!unread)
        return undefined;
    if (unread.failure === 'transient' || tenant.prune === true)
        return `The app's role assignments not listed in the tenants file could not be read: ${unread.detail}`;
    return undefined;
}
/** Consent statuses that mean the customer took away what had been reached. */
const FELL_AWAY = new Set(['disabled', 'blocked']);
function tenantAccessVerdict(tenant, consent, observed, statuses) {
    const drift = [];
    const needsConsent = consent === 'needs-consent';
    if (needsConsent && !tenant.onboarding)
        drift.push('not consented, and not onboarding: consent was revoked');
    if (consent !== undefined && FELL_AWAY.has(consent))
        drift.push(`the app is ${consent} in the tenant`);
    if (consent === 'consented') {
        const gaps = statuses.filter(s => ROLE_GAPS.has(s)).length;
        if (gaps > 0)
            drift.push(`${gaps} required role assignment${gaps === 1 ? '' : 's'} not in place`);
        const extra = observed?.unmanaged?.length ?? 0;
        if (extra > 0)
            drift.push(`${extra} unmanaged role assignment${extra === 1 ? '' : 's'} of the app`);
        const denied = (observed?.probes ?? []).filter(p => p.status === 'denied').length;
        if (denied > 0)
            drift.push(`${denied} probe${denied === 1 ? '' : 's'} denied`);
    }
    const probesOk = (observed?.probes ?? []).every(p => p.status === 'verified');
    const onboardingComplete = tenant.onboarding === true &&
        consent === 'consented' &&
        drift.length === 0 &&
        probesOk &&
        statuses.every(s => s === 'present' || s === 'inherited' || s === 'applied');
    return { drift, needsConsent, onboardingComplete };
}

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
    const credentials = options.credentials ?? credentials_judgeCredentials(config, observed, options);
    // Orphans first: they are stored nowhere, so removing them never depends on anything else the plan does.
    const steps = [...credentials.first];
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
    steps.push(...credentials.last);
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
/** Whether and why the secret needs a new version (the judgement of credentials.ts). */
function secretVerdict(config, observed, options) {
    const { status, reason } = judgeCredentials(config, observed, options).secret;
    return reason === undefined ? { status } : { status, reason };
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
        steps.push(...accessSteps(tenant, seen, principalId));
    }
    return steps;
}
/** Grants apply creates, grants the customer's admin must give, extra assignments to prune, onboarding done. */
function accessSteps(tenant, seen, principalId) {
    const steps = [];
    const statuses = tenant.roleAssignments.map((configured, i) => {
        const assignment = seen.assignments[i];
        const verdict = accessVerdict(assignment);
        const roleDefinitionId = assignment?.roleDefinitionId || configured.roleDefinitionId;
        const at = {
            key: stepKey.roleAssignment(tenant.tenantId, configured.scope, roleDefinitionId || configured.role),
            target: `${configured.role} at ${configured.scope} in ${tenantTarget(tenant)}`,
            tenantId: tenant.tenantId,
            scope: configured.scope,
            roleDefinitionId
        };
        if (wantsAssignStep(verdict) && roleDefinitionId) {
            steps.push({
                kind: 'assign-role',
                ...at,
                reason: verdict.status === 'missing'
                    ? "The app's service principal does not hold this role at this scope or above."
                    : 'It could not be verified; the write is idempotent (a deterministic name), so apply creates it or finds it there.',
                write: true,
                principalId
            });
        }
        else if (verdict.status === 'awaiting-customer') {
            steps.push({
                kind: 'request-grant',
                ...at,
                reason: "The app may not assign roles here: the customer's admin grants it from the hand-off.",
                write: false
            });
        }
        return verdict.status;
    });
    if (tenant.prune) {
        for (const extra of seen.unmanaged ?? []) {
            steps.push({
                kind: 'remove-assignment',
                key: stepKey.unmanagedAssignment(tenant.tenantId, extra.id),
                target: `${extra.roleDefinitionId} at ${extra.scope} in ${tenantTarget(tenant)}`,
                reason: 'prune: true, and the tenants file does not list this role assignment of the app.',
                write: true,
                tenantId: tenant.tenantId,
                assignmentId: extra.id,
                scope: extra.scope
            });
        }
    }
    if (tenantAccessVerdict(tenant, 'consented', seen, statuses).onboardingComplete) {
        steps.push({
            kind: 'finish-onboarding',
            key: stepKey.onboarding(tenant.tenantId),
            target: tenantTarget(tenant),
            reason: 'Consent, every role assignment and every probe are verified: remove `onboarding: true` from this tenant in the tenants file, so that losing any of them counts as drift.',
            write: false,
            tenantId: tenant.tenantId
        });
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

// EXTERNAL MODULE: ./src/plan/handoff.ts
var handoff = __webpack_require__(33253);
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
    const secret = secretReport(input);
    // A stored secret that does not authenticate has fallen away from a reached state: drift, like a lost consent.
    const drift = secret.status === 'invalid' || tenants.some(tenant => tenant.drift.length > 0);
    return {
        version: report/* REPORT_VERSION */.A,
        mode: input.mode,
        generatedAt: input.now.toISOString(),
        cloud: input.cloud.name,
        tenantsFile: input.config.file,
        ...(input.identity ? { identity: input.identity } : {}),
        app,
        tenants,
        secret,
        credentials: input.credentials.credentials,
        ...(input.credentials.federatedSubjects
            ? { federatedSubjects: input.credentials.federatedSubjects }
            : {}),
        notices: input.credentials.notices,
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
        ...tenantAccess(input, tenant, consent.status, appId, principalId)
    };
}
/** The tenant's access: a status per required assignment (with apply's outcomes), drift, probes, the hand-off. */
function tenantAccess(input, tenant, consent, appId, principalId) {
    const observed = input.tenants.get(tenant.tenantId);
    const roleAssignments = tenant.roleAssignments.map((wanted, i) => {
        const seen = observed?.assignments[i];
        const roleDefinitionId = seen?.roleDefinitionId || wanted.roleDefinitionId;
        const key = stepKey.roleAssignment(tenant.tenantId, wanted.scope, roleDefinitionId || wanted.role);
        const step = input.steps.find(s => s.key === key && s.kind === 'assign-role');
        const verdict = accessVerdict(seen, step);
        const outstanding = GRANTS_OUTSTANDING.has(verdict.status);
        return {
            scope: wanted.scope,
            role: wanted.role,
            roleDefinitionId,
            line: wanted.position.line,
            status: verdict.status,
            ...(verdict.detail ? { detail: verdict.detail } : {}),
            ...(outstanding && principalId && roleDefinitionId
                ? { fixCommand: (0,commands/* roleAssignmentCommand */.bP)(principalId, roleDefinitionId, wanted.scope) }
                : {})
        };
    });
    const pruned = new Set(input.steps
        .filter(s => s.kind === 'remove-assignment' && s.outcome === 'done')
        .map(s => (s.kind === 'remove-assignment' ? s.assignmentId.toLowerCase() : '')));
    const unmanaged = (observed?.unmanaged ?? []).filter(u => !pruned.has(u.id.toLowerCase()));
    const unmanagedUnread = unmanagedUnreadVerdict(tenant, observed);
    const verdict = tenantAccessVerdict(tenant, observed ? consent : undefined, { unmanaged, probes: observed?.probes }, roleAssignments.map(a => a.status));
    const grant = (a) => ({
        scope: a.scope,
        role: a.role,
        roleDefinitionId: a.roleDefinitionId
    });
    return {
        roleAssignments,
        onboarding: tenant.onboarding === true,
        drift: verdict.drift,
        probes: (observed?.probes ?? []).map(p => ({ ...p })),
        unmanaged: unmanaged.map(u => ({ id: u.id, scope: u.scope, roleDefinitionId: u.roleDefinitionId })),
        ...(unmanagedUnread ? { unmanagedUnread } : {}),
        handoff: (0,handoff/* buildHandoff */.dJ)({
            tenantId: tenant.tenantId,
            appId,
            principalId,
            grants: roleAssignments.filter(a => GRANTS_OUTSTANDING.has(a.status)).map(grant),
            allRoles: roleAssignments.map(grant)
        })
    };
}
/** Statuses whose grant the customer's admin may have to give: the hand-off covers them. */
const GRANTS_OUTSTANDING = new Set([
    'missing',
    'awaiting-customer',
    'unverifiable',
    'error',
    'skipped'
]);
/** The credential judgement's verdict on the secret, with apply's outcome on top: rotated, or failed. */
function secretReport(input) {
    const credential = input.config.app.credential;
    const line = credential.position.line;
    if (credential.kind !== 'secret')
        return { status: 'not-configured', line, version: null, expiresOn: null };
    const verdict = input.credentials.secret;
    const where = {
        line,
        keyVault: credential.keyVault,
        secretName: credential.secretName,
        rotate: input.rotate,
        overlapDays: credential.overlapDays,
        ...(verdict.currentManaged === undefined ? {} : { replacesManaged: verdict.currentManaged })
    };
    if (input.storedSecret) {
        return {
            ...where,
            status: 'rotated',
            version: input.storedSecret.version,
            expiresOn: input.storedSecret.expiresOn.toISOString()
        };
    }
    const current = {
        version: verdict.version,
        expiresOn: verdict.expiresOn,
        ...(verdict.rotatesFrom ? { rotatesFrom: verdict.rotatesFrom } : {})
    };
    const step = input.steps.find(s => s.key === stepKey.secret());
    if (step?.outcome === 'failed')
        return { ...where, ...current, status: 'failed', ...(step.detail ? { detail: step.detail } : {}) };
    return {
        ...where,
        ...current,
        status: verdict.status,
        ...(verdict.reason ? { detail: verdict.reason } : {})
    };
}

;// CONCATENATED MODULE: ./src/engine/run.ts








/**
 * One run over the tenants file — or over a slice of its tenants (a shard): the customer phase only ever reaches
 * the tenants in `config.tenants`.
 */
async function runEngine(request, config, ports) {
    const { automationObjectId, graphRoles, presentedSubject } = await ports.signIn();
    const phase = request.phase ?? 'all';
    const provider = phase === 'tenants'
        ? await readProvider(request, config, ports, presentedSubject)
        : await runProviderPhase(request, config, ports, presentedSubject);
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
            ? (0,commands/* ownerFixCommand */.Yt)(config.app.uniqueName, automationObjectId)
            : undefined,
        tenants: tenants.observed,
        steps: [...provider.steps, ...tenants.steps],
        storedSecret: provider.storedSecret,
        credentials: provider.credentials,
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
/** The provider with every Key Vault version and the proof of the stored secret, and the credentials judged. */
async function observeWithCredentials(request, config, ports, presentedSubject, rotate, leftBehind = []) {
    const first = await observeProvider(config, ports.provider);
    const observed = await observeCredentials(first.observed, first.secretValue, ports.provider);
    const judged = credentials_judgeCredentials(config, observed, {
        rotate,
        now: request.now(),
        ...(presentedSubject ? { presentedSubject } : {}),
        leftBehind
    });
    return { observed, secretValue: first.secretValue, judged };
}
/** The app, its credentials and its secret in the provider tenant: observe, plan, and in apply mode, apply. */
async function runProviderPhase(request, config, ports, presentedSubject) {
    const observeAll = (rotate, leftBehind = []) => observeWithCredentials(request, config, ports, presentedSubject, rotate, leftBehind);
    const { observed, secretValue, judged } = await observeAll(request.rotate);
    const steps = planProvider(config, observed, {
        rotate: request.rotate,
        now: request.now(),
        oidcAudience: request.cloud.oidcAudience,
        credentials: judged
    });
    const app = observed.app.status === 'found' ? { id: observed.app.app.id, appId: observed.app.app.appId } : undefined;
    if (request.mode !== 'apply')
        return { observed, steps, app, secret: secretValue, freshCredential: false, credentials: judged };
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
        freshCredential: applied.changed,
        // Judged as the state stands: no further rotation is planned on top of the one this run made.
        credentials: await credentialsAfterApply(applied.steps, judged, () => observeAll('never', applied.leftBehind))
    };
}
const CREDENTIAL_STEPS = new Set([
    'create-secret',
    'rotate-secret',
    'remove-orphan',
    'retire-password',
    'disable-kv-version'
]);
/**
 * The credentials as they are after apply: read again when apply tried to change them (a clean-up that failed
 * shows as the orphan it left). If that read fails, the judgement before apply stands, and says so.
 */
async function credentialsAfterApply(steps, before, observeAgain) {
    if (!steps.some(step => CREDENTIAL_STEPS.has(step.kind) && step.outcome !== 'skipped'))
        return before;
    try {
        const after = (await observeAgain()).judged;
        // The secret's verdict is the one apply acted on (its outcome is laid over it); the list is as it is now.
        return { ...after, secret: before.secret, notices: [...new Set([...before.notices, ...after.notices])] };
    }
    catch (error) {
        return {
            ...before,
            notices: [
                ...before.notices,
                `The credentials could not be read again after apply (${error.message}); the list shows them as they were before.`
            ]
        };
    }
}
/**
 * A tenant shard's view of the provider: the app and the secret it signs in with, read only. Its steps are the
 * provider job's, so none is planned here — a shard can never write the app, its credentials or its secret.
 */
async function readProvider(request, config, ports, presentedSubject) {
    // Read only: nothing is rotated here, whatever the rotate input says; the provider job decides that.
    const { observed, secretValue, judged } = await observeWithCredentials(request, config, ports, presentedSubject, 'never');
    const app = observed.app.status === 'found' ? { id: observed.app.app.id, appId: observed.app.app.appId } : undefined;
    // In apply, the provider job may have rotated the secret moments ago and a shard cannot tell: it retries the
    // rejections a just-written credential shows while it replicates, as the job that wrote it would.
    return {
        observed,
        steps: [],
        app,
        secret: secretValue,
        freshCredential: request.mode === 'apply',
        credentials: judged
    };
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
    const applied = request.mode === 'apply' ? await applyTenants(steps, tenantPorts) : steps;
    // Last, so that the probes prove the access this run leaves behind.
    await observeProbes(config.tenants, observed, tenantPorts, request.concurrency);
    return { observed, steps: applied };
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
