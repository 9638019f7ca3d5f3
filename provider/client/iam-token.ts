import { describeKey } from '../schemas/resources/provider-config';
import { parseIamTime, type IamTokenRequest } from '../schemas/wire/iam';
import { AuthFailedError } from './errors';
import { IAM_TOKEN_HEADER, issueTokenOp } from './iam';
import type { SecretRedactor } from './redact';
import type { Transport } from './transport';

/**
 * IAM password tokens (docs/api/endpoints.md#iam-token): valid 24 h, cached and reused, refreshed ahead of expiry, one refresh
 * at a time however many calls need a token (single flight).
 */

export interface PasswordAuth {
  domainName: string;
  userName: string;
  password: string;
  projectName?: string;
  projectId?: string;
}

interface CachedToken {
  token: string;
  /** Local clock times: lifetime measured as expires_at − issued_at, so a skewed local clock does not matter. */
  refreshAt: number;
  expiresAt: number;
}

/** Refresh when less than this is left (IAM: "using an almost-expired token can fail"). */
const REFRESH_MARGIN_MS = 60 * 60 * 1000;

export class IamTokenProvider {
  private cached: CachedToken | undefined;
  private inflight: Promise<string> | undefined;

  constructor(
    private readonly iam: Transport,
    private readonly auth: PasswordAuth,
    private readonly redactor: SecretRedactor,
    private readonly now: () => number = Date.now,
  ) {
    redactor.add(auth.password);
  }

  /** A valid token, from cache when it has more than the refresh margin left. */
  async token(): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.refreshAt) return cached.token;
    this.inflight ??= this.refresh(cached).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Drops `token` after the API refused it; a token that was already replaced is left alone. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async refresh(previous: CachedToken | undefined): Promise<string> {
    try {
      return await this.issue();
    } catch (err) {
      // Refreshing early failed but the old token still works: use it and try again on the next call.
      if (previous && this.cached === previous && this.now() < previous.expiresAt) return previous.token;
      throw err;
    }
  }

  private async issue(): Promise<string> {
    const sentAt = this.now();
    let result;
    try {
      result = await this.iam.call(issueTokenOp, { body: this.tokenRequest(), query: { nocatalog: 'true' } });
    } catch (err) {
      if (err instanceof AuthFailedError) {
        throw new AuthFailedError({
          status: err.status,
          code: err.code,
          apiMessage: err.apiMessage,
          requestId: err.requestId,
          endpoint: err.endpoint,
          explanation:
            `IAM refused the password login of user "${this.auth.userName}" in account "${this.auth.domainName}" ` +
            `(${this.scopeText()}): the user name, password, account or project is wrong, or the user is locked. Check ` +
            `${describeKey('userName')}, ${describeKey('password')}, ${describeKey('domainName')} and ` +
            `${describeKey(this.auth.projectId ? 'projectId' : 'region')}; a HUAWEI ID account needs an IAM user.`,
          cause: err,
        });
      }
      throw err;
    }
    const token = result.headers[IAM_TOKEN_HEADER.toLowerCase()];
    this.redactor.add(token);
    const expires = parseIamTime(result.data.token.expires_at);
    const issued = result.data.token.issued_at ? parseIamTime(result.data.token.issued_at) : Number.NaN;
    const lifetime = Number.isNaN(issued) ? expires - sentAt : expires - issued;
    const expiresAt = sentAt + lifetime;
    this.cached = { token, expiresAt, refreshAt: expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 2) };
    return token;
  }

  private tokenRequest(): IamTokenRequest {
    const { domainName, userName, password, projectId, projectName } = this.auth;
    const scope: IamTokenRequest['auth']['scope'] = projectId
      ? { project: { id: projectId } }
      : projectName
        ? { project: { name: projectName } }
        : // No project configured: an account-scoped token; KooPhone derives the tenant from the token (docs/api/endpoints.md#host).
          { domain: { name: domainName } };
    return {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: userName, password, domain: { name: domainName } } },
        },
        scope,
      },
    };
  }

  private scopeText(): string {
    if (this.auth.projectId) return `project id ${this.auth.projectId}`;
    if (this.auth.projectName) return `project ${this.auth.projectName}`;
    return 'account scope';
  }
}
