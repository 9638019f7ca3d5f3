import { progressFor, setLogSink, type LogSink } from './progress';

describe('progress beside a resource', () => {
  const entries: Parameters<LogSink>[0][] = [];
  beforeEach(() => {
    entries.length = 0;
    setLogSink((e) => entries.push(e));
  });
  afterAll(() => setLogSink(undefined));

  it('sends ephemeral statuses on the URN at most once per interval, a forced one always, and never the same one twice', () => {
    const progress = progressFor('urn:pulumi:s::p::t::fleet', 60_000);
    progress.status('phones running: 0/10');
    progress.status('phones running: 4/10'); // within the interval: dropped
    progress.status('phones running: 10/10', true);
    progress.status('phones running: 10/10', true); // unchanged: dropped
    expect(entries).toEqual([
      { severity: 'info', message: 'phones running: 0/10', urn: 'urn:pulumi:s::p::t::fleet', ephemeral: true },
      { severity: 'info', message: 'phones running: 10/10', urn: 'urn:pulumi:s::p::t::fleet', ephemeral: true },
    ]);
  });

  it('sends warnings as lasting messages, and nothing without a URN', () => {
    progressFor('urn:pulumi:s::p::t::fleet').warn('applies to phones bought from now on');
    progressFor(undefined).status('phones running: 1/1', true);
    expect(entries).toEqual([
      {
        severity: 'warning',
        message: 'applies to phones bought from now on',
        urn: 'urn:pulumi:s::p::t::fleet',
        ephemeral: false,
      },
    ]);
  });
});
