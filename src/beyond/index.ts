export * from './errors'
export { apiRequest, wxServerBodyDecoder, httpStatusDecoder, easemobDecoder } from './apiRequest'
export type { ApiRequestConfig, ApiRequestOptions, ResponseDecoder } from './apiRequest'
