import type { ProblemEntries } from "./problem-code.ts";

const bearerChallenge = 'Bearer realm="clearhub"';

/**
 * The HTTP edge: the request's shape, operator authentication and sessions, operator accounts and
 * approvals.
 */
export const edgeProblems = {
  request_invalid: { status: 400, title: "The request does not match the schema" },
  request_malformed: {
    status: 400,
    title: "The request is not well-formed HTTP/1.1; the connection is closed",
  },
  headers_too_large: {
    status: 431,
    title: "The header fields exceed the size limit; the connection is closed",
  },
  request_timeout: {
    status: 408,
    title: "The request was not received in time; the connection is closed",
  },
  body_invalid_json: { status: 400, title: "The body is not valid JSON" },
  body_duplicate_key: {
    status: 400,
    title: "A name appears twice in one object of the body; nothing was done",
  },
  body_too_large: { status: 413, title: "The body exceeds the size limit" },
  media_type_unsupported: { status: 415, title: "The body's content type is not supported" },
  route_not_found: { status: 404, title: "No route matches the method and path" },
  credentials_missing: {
    status: 401,
    title: "An operator bearer token or session cookie is required",
    headers: { "www-authenticate": bearerChallenge },
  },
  credentials_invalid: {
    status: 401,
    title:
      "The operator token is unknown or revoked, the session has ended, or the account is disabled",
    headers: { "www-authenticate": `${bearerChallenge}, error="invalid_token"` },
  },
  role_insufficient: {
    status: 403,
    title: "The operator's role does not allow this; nothing was changed",
  },
  csrf_token_invalid: {
    status: 403,
    title: `A request authenticated by the session cookie must send the session's CSRF token in ${"`x-csrf-token`"}; nothing was changed`,
  },
  session_required: {
    status: 401,
    title: "This route is about the console session: send its cookie, not a token",
  },
  login_failed: { status: 401, title: "The name or the password is wrong" },
  login_rate_limited: {
    status: 429,
    title: "Too many login attempts for this name; wait for the time in Retry-After",
  },
  operator_name_invalid: {
    status: 422,
    title:
      "Operator names are 1-100 letters, digits, spaces, '.', '_', '@' and '-', starting with a letter or digit",
  },
  password_invalid: { status: 422, title: "Passwords are 12 to 256 characters" },
  operator_account_exists: { status: 409, title: "An operator account has this name" },
  operator_account_not_found: { status: 404, title: "No operator account has this id" },
  operator_account_disabled: {
    status: 409,
    title: "The operator account is disabled; that is final",
  },
  approval_not_found: { status: 404, title: "No approval has this id" },
  approval_not_pending: {
    status: 409,
    title: "The proposal was already approved or rejected; nothing was done again",
  },
  approval_expired: {
    status: 409,
    title: "The proposal lapsed before anyone approved it; propose it again",
  },
  approval_by_proposer: {
    status: 403,
    title: "Four eyes: a different operator account than the proposer must approve",
  },
  operator_account_last_admin: {
    status: 409,
    title: "This is the last enabled admin account; make another admin first",
  },
} satisfies ProblemEntries;
