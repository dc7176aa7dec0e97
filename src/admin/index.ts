export { adminRoutes } from './admin-routes';
export { createAdmin, assertNoDefaultAdmin, AdminAccountError, WELL_KNOWN_PASSWORDS } from './admin-accounts';
export { hashPassword, verifyPassword, passwordProblem } from './password-hasher';
export { IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS } from './session-manager';
export { createCsrf, rejectCrossSite, CsrfError, type Csrf } from './csrf-guard';
export { sessionOf } from './admin-request';
