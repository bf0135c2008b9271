/**
 * The tab API's wire format, defined once. The service validates requests and generates its OpenAPI document
 * from these definitions; the tab imports only the types (`import type`), so zod stays out of its bundle.
 * Each area's routes live in their own file as `defineRoute` objects.
 */
export * from './route';
export * from './errors';
export * from './identity';
export * from './content';
export * from './ask';
export * from './circles';
export * from './channels';
export * from './privacy';
export * from './feedback';
export * from './audit';
export * from './network';
export * from './nudges';
