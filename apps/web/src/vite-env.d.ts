/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the API when it is not served from the same origin (default: same origin). */
  readonly VITE_API_ORIGIN?: string;
}
