import type { Principal } from '../auth/principal.js'

/** What the app's middleware puts on each request's context. */
export interface AppEnv {
  Variables: {
    /** The signed-in person, or null (see `authenticate` in authMiddleware.ts). */
    principal: Principal | null
    /** True when credentials were sent but are not (or no longer) valid. */
    credentialsInvalid: boolean
  }
}
