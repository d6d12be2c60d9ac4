import type { DocumentRole } from '../../shared/apiTypes.js'

/** Roles as the Share dialog names them, with what each allows. */
export const ROLE_OPTIONS: { value: DocumentRole; label: string }[] = [
  { value: 'owner', label: 'Owner' },
  { value: 'editor', label: 'Editor' },
  { value: 'viewer', label: 'Viewer' },
]

export const roleLabel = (role: DocumentRole): string => ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role
