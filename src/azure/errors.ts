/** A failed request to an Azure service, in the product's words; the service's own error is its `cause`. */
export class AzureRequestError extends Error {
  override name = 'AzureRequestError'
  constructor(message: string, cause?: unknown) {
    super(message, { cause })
  }
}
