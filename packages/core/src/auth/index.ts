/** Public API of auth/ (re-exported by the package entry). */
export * from './accessible-shops.js';
export * from './account.js';
export * from './password.js';
export * from './password-reset.js';
export * from './password-reset-email.js';
export * from './permissions.js';
export {
  LOGIN_THROTTLE,
  type LoginThrottlePolicy,
  SESSION_POLICY,
  type SessionPolicy,
} from './session-policy.js';
export {
  countUserSessions,
  getSession,
  type NewSession,
  type SessionInfo,
  type SignedInUser,
  signOut,
  signOutEverywhere,
} from './sessions.js';
export * from './sign-in.js';
