import type { Project, Tenant } from './state';

/** Who is calling: the tenant (from the token's domain or the AK) and the project instances are filed under. */
export interface Caller {
  tenant: Tenant;
  project: Project;
}
