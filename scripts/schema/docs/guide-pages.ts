import { documentedKooPhoneCodes, infoForStatus, lookupErrorCode, type ErrorCategory } from '../../../provider/client/error-codes';
import type { ConfigModel, PackageModels } from '../package-models';
import { GENERATED_NOTE, codeBlock, page, table } from './markdown';

/** configuration.md, errors.md and the index page. */

export function configurationPage(config: readonly ConfigModel[]): string {
  const rows = config.map((c) => [
    `\`koophone:${c.key}\``,
    c.env.map((v) => `\`${v}\``).join(', '),
    c.secret ? '**yes**' : 'no',
    c.property.constraints.join('; '),
    c.property.description,
  ]);
  return page([
    GENERATED_NOTE,
    '# Configuration',
    'The provider reads stack configuration in the `koophone` namespace and falls back to the environment variable ' +
      'beside each key. Keys marked secret must be set with `pulumi config set --secret` or through their environment ' +
      'variable; see [where credentials are kept](#where-credentials-are-kept).',
    table(['Key', 'Environment', 'Secret', 'Constraints', 'Description'], rows),
    '## Where credentials are kept',
    [
      '- **Environment variables** (`HW_USER_PASSWORD`, `HW_ACCESS_KEY`, `HW_SECRET_KEY`): only in the environment of ' +
        'the Pulumi processes. They never reach the stack file or the state.',
      '- **Secret stack config** (`pulumi config set --secret`): encrypted by the stack\'s secrets provider in ' +
        '`Pulumi.<stack>.yaml`, and encrypted in the state: the engine copies the whole stack config into the inputs ' +
        'of the default `pulumi-nodejs` provider, so the checkpoint, its backups and the update history hold the ' +
        'ciphertext.',
      '- **Plain stack config** would be kept in clear in both places, so a program whose stack config holds ' +
        '`koophone:password`, `koophone:accessKey` or `koophone:secretKey` as plain text stops before it registers any ' +
        'resource (at `pulumi preview` already), naming the fix. Preview writes nothing to the backend; an `up`, ' +
        '`refresh` or `destroy` run with a plain credential still leaves it in clear in that update\'s history entry ' +
        '(the CLI records the config of every update), so preview first, as CI does:',
    ].join('\n'),
    codeBlock(
      'text',
      'koophone:password is set as plain (not secret) stack config: Pulumi would store it in clear text in the stack\'s ' +
        'state, so the program stopped before registering any resource. Encrypt it with `pulumi config set --secret ' +
        'koophone:password <value>` (this replaces the plain value), or remove it from the stack config (`pulumi config ' +
        'rm koophone:password`) and set the environment variable HW_USER_PASSWORD instead, which never reaches the state.',
    ),
    [
      '- **The IAM token** obtained with the password lives only in the memory of the provider process, for that run.',
      '- **Resource state** (phones, assignments, video settings) holds no credential, and neither do error messages ' +
        'or logs: server text is scrubbed of the password, secret key and token before it is shown.',
      '',
      'A stack that stored a credential in clear with an older version still has it in its backups and history: ' +
        'rotate the credential after making it secret.',
    ].join('\n'),
    '## Authentication',
    'Two ways, checked in this order:',
    [
      '1. **AK/SK signing**: `accessKey` and `secretKey` (both, or neither). Every request is signed; no token is fetched.',
      '2. **Password**: `domainName`, `userName`, `password` and `region` (or `projectId`). The provider gets an IAM ' +
        'token scoped to that project (valid 24 h) from `iamEndpoint`, by default `https://iam.{region}.myhuaweicloud.com`.',
    ].join('\n'),
    codeBlock(
      'bash',
      [
        '# Password authentication',
        'pulumi config set koophone:region cn-north-4',
        'pulumi config set koophone:domainName my-account',
        'pulumi config set koophone:userName deployer',
        'pulumi config set --secret koophone:password "$KOOPHONE_PASSWORD"',
        '',
        '# or AK/SK signing',
        'pulumi config set --secret koophone:accessKey "$KOOPHONE_ACCESS_KEY"',
        'pulumi config set --secret koophone:secretKey "$KOOPHONE_SECRET_KEY"',
      ].join('\n'),
    ),
    'A missing or half-set credential fails before any API call, naming the key and its environment variable, e.g. ' +
      '`missing KooPhone credentials: set \\`koophone:accessKey\\` (or $HW_ACCESS_KEY) …`. Values are never echoed.',
    '## Against the local emulator',
    'The emulator serves IAM and KooPhone on one origin, so point both endpoints at it and use its demo tenant:',
    codeBlock(
      'bash',
      [
        'url=$(scripts/start-emulator.sh .koophone-emulator .koophone-emulator/pid)',
        'pulumi config set koophone:endpoint "$url"',
        'pulumi config set koophone:iamEndpoint "$url"',
        'pulumi config set koophone:region cn-north-4',
        'pulumi config set koophone:domainName demo',
        'pulumi config set koophone:userName demo',
        'pulumi config set --secret koophone:password demo-password',
      ].join('\n'),
    ),
    '## In CI',
    'Keep the credentials in the CI secret store and copy them into secret stack config at the start of the job; ' +
      'see [examples/gitops](../examples/gitops/README.md).',
  ]);
}

/** What the client and providers do with each kind of error (provider/client/transport.ts, provider/resources/). */
const HANDLING: Record<ErrorCategory, string> = {
  'not-found': 'Counts as done when removing an assignment that no longer exists; reported elsewhere (a refresh drops resources that are gone).',
  'pay-per-use': 'Destroy stops with the fix (console delete, `retainOnDelete`, `pulumi state delete`); nothing is changed.',
  'rate-limited': 'Retried with exponential backoff, honouring `Retry-After`; reported when the retries run out.',
  auth: 'Reported at once: fix the credentials or the IAM permissions.',
  'invalid-argument': 'Reported at once. Input validation at `pulumi preview` catches most of these before any call.',
  busy: 'Retried with backoff on calls that are safe to repeat; reported when the retries run out.',
  server:
    'Retried with backoff on calls that are safe to repeat. On create/delete the outcome is unknown: the provider looks ' +
    'the phone up instead of repeating the purchase or delete.',
  other: 'Reported at once.',
};

function codeRows(codes: readonly string[]): string[][] {
  return codes.map((code) => {
    const info = lookupErrorCode(code);
    if (!info) throw new Error(`no explanation for ${code}`);
    return [`\`${code}\``, info.explanation, HANDLING[info.category]];
  });
}

const HTTP_STATUSES = [401, 403, 404, 408, 429, 500, 501, 503];

export function errorsPage(): string {
  return page([
    GENERATED_NOTE,
    '# Errors',
    'Every KooPhone answer carries an `error_code`; most business errors arrive with HTTP 200. The provider turns each ' +
      'into one message that says what happened and what to do (naming the config key or input to fix), then what the ' +
      'server said, and last the operation, HTTP status, code and request id for support:',
    codeBlock(
      'text',
      'Pay-per-use instances cannot be deleted through the API. … Server said: "…" (delete: HTTP 400, error code KOOPHONE.API.5001, request id 7f3c…)',
    ),
    'When no server answered, there is no "Server said"; the message names the endpoint\'s config key instead:',
    codeBlock(
      'text',
      'Could not reach the KooPhone API at https://koophone.example: connection refused (nothing listens there), ' +
        'ECONNREFUSED; no server answered, even after retries with backoff. Check `koophone:endpoint` (or ' +
        '$KOOPHONE_ENDPOINT) and the network (DNS, proxy, firewall); the request was never sent. (sku: error code ' +
        'NETWORK.ECONNREFUSED, request id 7f3c…)',
    ),
    'Codes are matched however KooPhone spells them (`KOOPHONE.API.`, `KooPhone.API.`, `KP.API.`, `KPAPI.`); the raw ' +
      'code is always shown. Meanings the API reference only hints at are kept generic.',
    '## KooPhone error codes',
    table(['Code', 'Meaning and what to do', 'What the provider does'], codeRows(documentedKooPhoneCodes())),
    '## Gateway and HTTP errors',
    table(
      ['Code / status', 'Meaning and what to do', 'What the provider does'],
      [
        ...codeRows(['APIGW.0301', 'APIGW.0308']),
        ...HTTP_STATUSES.map((status) => {
          const info = infoForStatus(status);
          return [`HTTP ${status} (no known code)`, info.explanation, HANDLING[info.category]];
        }),
      ],
    ),
    '## Errors from the provider itself',
    table(
      ['Message starts with', 'Meaning and what to do'],
      [
        [
          '`property <name> value {…} has a problem: …` or `<path>: … (received …)` at preview',
          'An input failed validation (range, enum, length; see the resource page); a nested field is named by its ' +
            'path, e.g. `profiles.0.definition720p.fps: must be 30 or 60 frames per second (received 45)`. Nothing ' +
            'was called. Fix the input.',
        ],
        [
          '`missing KooPhone credentials` / `invalid \\`koophone:…\\``',
          'Configuration is incomplete or malformed; see [configuration](configuration.md). Values are never echoed.',
        ],
        [
          '`koophone:password is set as plain (not secret) stack config` (also `accessKey`, `secretKey`)',
          'A credential would be stored in clear in the state. Nothing was run. Set it with `pulumi config set --secret` ' +
            'or through its environment variable; see [where credentials are kept](configuration.md#where-credentials-are-kept).',
        ],
        [
          '`IAM refused the password login of user … in account … (project …)`',
          'Wrong user name, password, account (domain) name or project, or a locked user. The message names the keys ' +
            'to check: `koophone:userName`, `koophone:password`, `koophone:domainName`, `koophone:region`/`projectId`.',
        ],
        [
          '`Could not reach the KooPhone API at …` / `Could not reach IAM at …`',
          'No server answered (refused, DNS, timeout) after the client\'s retries. Check `koophone:endpoint` ' +
            '(`KOOPHONE_ENDPOINT`) or `koophone:iamEndpoint` (`KOOPHONE_IAM_ENDPOINT`, by default derived from ' +
            '`koophone:region`) and the network.',
        ],
        [
          '`…(request id …)` with an unknown outcome',
          'A create or delete got no usable answer (timeout, dropped connection, 5xx). The provider never repeats it ' +
            'blindly: it looks the phone up by its unique name prefix (create) or checks that it went offline (delete), ' +
            'and only then retries or reports. Run the operation again; it reconciles the same way.',
        ],
        [
          '`timed out after … waiting for phone … to run`',
          'The phone was bought but did not start within `readyTimeoutSeconds`. It stays in the stack (it was paid ' +
            'for); the next `pulumi up` resumes waiting instead of buying again.',
        ],
        [
          '`could not confirm the purchase of a phone named …`',
          'Every create attempt had an unknown outcome and no phone with the unique prefix exists: nothing was bought ' +
            'as far as the API shows. Check Billing Center for a pending order, then run `pulumi up` again.',
        ],
        [
          '`The KooPhone API refuses to delete pay-per-use phone …`',
          'See `KOOPHONE.API.5001`: delete the phone in the console, or keep it with `retainOnDelete: true` / ' +
            '`pulumi state delete <urn>`.',
        ],
        [
          '`Attempting to deploy or update resources with N pending operations from previous deployment`',
          'An earlier `pulumi up` was killed mid-operation. Recover as in [after a killed deploy](#after-a-killed-deploy).',
        ],
      ],
    ),
    ...killedDeployRecovery(),
  ]);
}

/** The recovery after an `up` was killed (CI job cancelled, runner lost); test/e2e/money.e2e.test.ts follows it. */
function killedDeployRecovery(): string[] {
  return [
    '## After a killed deploy',
    'A `pulumi up` killed half way (job cancelled, runner lost, `kill -9`) leaves the stack locked and records each ' +
      'create it had started as a *pending operation*. Every later `pulumi up` then warns `Attempting to deploy or update ' +
      'resources with N pending operations from previous deployment … interrupted while creating` until the pending ' +
      'creates are cleared. Recover with three commands:',
    codeBlock(
      'bash',
      [
        'pulumi cancel --yes                             # only if the stack is still locked by the dead run',
        'pulumi refresh --clear-pending-creates --yes    # drop the dead run\'s pending creates; read what exists',
        'pulumi up                                       # take over what the dead run bought, create the rest',
      ].join('\n'),
    ),
    'Clearing the pending creates is safe for phones: a phone the dead run ordered is not in the state either way, ' +
      'and it carries its resource\'s stable name prefix (`uniqueNamePrefix`), so `pulumi up` finds it and takes it ' +
      'over instead of buying another. Do not delete such phones by hand and do not run `pulumi destroy` first: the ' +
      'stack does not know them until `up` has taken them over. After these steps no run warns about pending ' +
      'operations and nothing was bought twice.',
  ];
}

export function indexPage(models: PackageModels): string {
  const resources = models.resources.map((r) => `- [${r.entry.name}](${r.entry.page}) — ${r.entry.summary}`);
  const functions = models.functions.map((f) => `- [${f.entry.name}](${f.entry.page}) — ${f.entry.summary}`);
  return page([
    GENERATED_NOTE,
    '# pulumi-koophone reference',
    'Generated from the same zod schemas that validate the inputs, like the Pulumi package schema ' +
      '[`schema.json`](../schema.json).',
    '## Resources',
    resources.join('\n'),
    '## Functions',
    functions.join('\n'),
    '## Guides',
    ['- [Configuration](configuration.md) — stack config keys, environment variables, secrets', '- [Errors](errors.md) — every error code, what it means and what to do',
      '- [Subscriptions and renewals](subscriptions.md) — auto-renew, declared renewals, expiry policy and the money rules',
      '- [Costs and budgets](costs-and-budgets.md) — what a plan costs, `koophone:maxOrderAmount`, `koophone:maxPhonesPerUpdate`, no purchase while a check fails'].join('\n'),
    '## Examples',
    [
      '- [examples/fleet](../examples/fleet/README.md) — a fleet of phones, each assigned to a user, with video settings',
      '- [examples/gitops](../examples/gitops/README.md) — `pulumi preview` on pull requests, `pulumi up` on main, in GitHub Actions',
      '- [examples/drift-detection](../examples/drift-detection/README.md) — a scheduled check that reports out-of-band changes',
    ].join('\n'),
  ]);
}
