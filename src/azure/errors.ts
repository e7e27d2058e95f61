/** A failed request to an Azure service, in the product's words, with the service's status and error code. */
export class AzureRequestError extends Error {
  override name = 'AzureRequestError'
  /** The HTTP status; -1 when no response came back. */
  readonly statusCode: number
  /** The service's error code (`Authorization_RequestDenied`, `SecretNotFound`, …); '' when it gave none. */
  readonly code: string
  constructor(message: string, statusCode: number, code: string, cause?: unknown) {
    super(message, { cause })
    this.statusCode = statusCode
    this.code = code
  }
}
