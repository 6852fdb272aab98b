/**
 * Contract fuzzing (issue 17, "keep it proven"): schemathesis, from PyPI
 * (tooling/schemathesis.sh installs it, pinned, into .cache/schemathesis),
 * generates requests from the OpenAPI document the API serves, valid and
 * invalid, for every operation, sent as several roles: an administrador and an
 * inspetor and a membro de Comissão with a session (cookie and CSRF token), a
 * representante legal, a supervisor and the COOGIE with API keys; each
 * operation is fuzzed by a role that may call it, so that requests get past
 * authorisation to validation and the handlers. Each run checks that no answer is a server error
 * (not_a_server_error) and that every request the document calls invalid is
 * refused (negative_data_rejection); the test prints the figures and asserts
 * 0 of each. Bounded: a few examples per operation, phases examples, coverage
 * and fuzzing (the stateful phase needs links the document does not declare).
 * A random seed each run, printed, so that a failure can be replayed with
 * `st run … --seed N`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir } from '../../tooling/cache';
import { type Credencial, startTestSystem, type TestSystem } from '../support/system';
import { abrirProcesso } from '../support/abertura';
import { casoComDocumento, escola, habilitado } from '../frequencia/apoio';
import { criarChaveApi } from '../../api/auth/chaves';

const CNPJ = '11222333000181';
/** Examples per operation and phase, for each role: enough to reach every operation's validation, few enough for CI. */
const EXEMPLOS = Number(process.env.RITO_CONTRATO_EXEMPLOS ?? 3);
/**
 * Answers that refuse an invalid request. schemathesis' own list, plus 413 and 414: a body or a path segment over
 * rito's limits is refused for its size (api/errors.ts), in the API's error shape, before any validation.
 */
const RECUSAS = ['400', '401', '403', '404', '405', '406', '409', '413', '414', '415', '422', '428', '429'];

let sys: TestSystem;
let st: string;
let pasta: string;
const papeis: { nome: string; papel: string; como: Credencial }[] = [];

function executar(cmd: string, args: string[], opts: { timeout: number; cwd?: string }): Promise<{ codigo: number; saida: string }> {
  return new Promise((ok) =>
    execFile(cmd, args, { cwd: opts.cwd, maxBuffer: 64 * 1024 * 1024, timeout: opts.timeout, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) =>
      ok({ codigo: err ? (typeof err.code === 'number' ? err.code : 1) : 0, saida: `${stdout}${stderr}` }),
    ),
  );
}

beforeAll(async () => {
  const instalacao = await executar('bash', [path.join(__dirname, '../../tooling/schemathesis.sh')], { timeout: 170_000 });
  if (instalacao.codigo !== 0) throw new Error(`schemathesis não pôde ser instalado:\n${instalacao.saida}`);
  st = instalacao.saida.trim().split('\n').pop()!;
  pasta = fs.mkdtempSync(path.join(cacheDir(), 'contrato-'));
  sys = await startTestSystem();
  const admin = await sys.conta({ papeis: ['administrador'] });
  const inspetor = await sys.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' });
  const rl = await sys.chave({ papeis: ['representante'], instituicoes: [CNPJ] });
  const supervisor = await sys.chave({ papeis: ['supervisor'] });
  const coogie = await sys.chave({ papeis: ['coogie'] });
  // One process in everyone's scope, so that the process routes are reached past the 404 of an unknown id.
  const processo = await abrirProcesso(sys, inspetor, { cnpj: CNPJ, codigoInep: '33055555' });
  const membro = await sys.conta({ papeis: ['comissao'], unidade: 'METROPOLITANA I', comissoes: [processo] });
  // An operador escolar with a student's case in his school (api/acompanhamento): the school's acts are only his and the município's.
  const inep = await escola(sys.db);
  const operador = await habilitado(sys, 'operador-escolar', { municipio: '3304557', codigoInep: inep });
  await casoComDocumento(sys, inep, operador);
  // The coordenação municipal of that município (its ofícios to MEC on the SGP's operadores: api/habilitacoes/oficios-sgp.ts).
  const municipal = await habilitado(sys, 'coordenador-municipal', { municipio: '3304557' });
  // A state network's key, as MEC issues them for the lotes (api/lotes).
  const rede = await criarChaveApi(sys.db, { nome: 'SEEDUC-RJ', papeis: ['sistema'], unidade: null, instituicoes: [], expiraEm: null, rede: 'estadual:RJ' }, 'teste');
  papeis.push(
    { nome: 'representante legal (chave de API)', papel: 'representante', como: { chave: rl.chave } },
    { nome: 'membro de Comissão de Vistoria (sessão)', papel: 'comissao', como: membro },
    { nome: 'inspetor (sessão)', papel: 'inspetor', como: inspetor },
    { nome: 'COOGIE (chave de API)', papel: 'coogie', como: { chave: coogie.chave } },
    { nome: 'supervisor (chave de API)', papel: 'supervisor', como: { chave: supervisor.chave } },
    { nome: 'administrador (sessão)', papel: 'administrador', como: admin },
    { nome: 'operador escolar (sessão)', papel: 'operador-escolar', como: operador },
    { nome: 'coordenador municipal (sessão)', papel: 'coordenador-municipal', como: municipal },
    { nome: 'rede de ensino (chave de API do sistema)', papel: 'sistema', como: { chave: rede.chave } },
  );
}, 240_000);

afterAll(async () => {
  await sys?.stop();
  if (pasta) fs.rmSync(pasta, { recursive: true, force: true });
});

interface Relatorio {
  seed: number | string;
  running_time: number;
  operations: { selected: number; tested: number; errored: number };
  test_cases: { generated: number; errored: number };
  failures: { code: string; title: string; count: number; operations: string[] }[];
  errors: unknown[];
}

/** schemathesis' configuration for one caller: its credentials as headers, the bounds, the refusals. */
function configuracao(como: Credencial): string {
  const cabecalhos: Record<string, string> = {};
  if (como.cookie) cabecalhos.Cookie = `rito_sessao=${como.cookie}`;
  if (como.csrf) cabecalhos['X-CSRF-Token'] = como.csrf;
  if (como.chave) cabecalhos.Authorization = `Bearer ${como.chave}`;
  return [
    `headers = { ${Object.entries(cabecalhos).map(([k, v]) => `${JSON.stringify(k)} = ${JSON.stringify(v)}`).join(', ')} }`,
    '',
    '[generation]',
    `max-examples = ${EXEMPLOS}`,
    // The credentials are the caller's, sent as headers: no generated (or left-out) cookie or key of the security schemes.
    'with-security-parameters = false',
    '',
    // The coverage phase would also send every path each method it does not take: the 405s of an unknown method are the
    // router's, one answer for every path (test/api/respostas-de-erro.test.ts), and would take a third of the run.
    '[phases.coverage]',
    'unexpected-methods = []',
    '',
    '[checks.negative_data_rejection]',
    `expected-statuses = [${RECUSAS.map((s) => JSON.stringify(s)).join(', ')}]`,
    '',
  ].join('\n');
}

describe('contrato da API (schemathesis)', () => {
  it('answers no request with a server error and accepts no invalid request, for every role', async () => {
    // Each operation is fuzzed once, by the first role (in the order above) that may call it (x-papeis); the public ones
    // with the first role. What a role may not call answers 401/403 before any validation: the authorisation matrix
    // (test/auth/rotas.test.ts) covers that.
    const doc = (await sys.request('GET', '/docs/json')).body as { paths: Record<string, Record<string, { 'x-papeis'?: string[] }>> };
    const operacoes = Object.entries(doc.paths).flatMap(([rota, ops]) => Object.entries(ops).map(([m, op]) => ({ nome: `${m.toUpperCase()} ${rota}`, papeis: op['x-papeis'] ?? [] })));
    const cobertas = new Set<string>();
    const figuras: string[] = [];
    const problemas: string[] = [];
    for (const [i, papel] of papeis.entries()) {
      const suas = operacoes
        // Ending the caller's own session would leave the rest of the run anonymous.
        .filter((o) => o.nome !== 'DELETE /v1/sessoes/atual')
        .filter((o) => !cobertas.has(o.nome) && (o.papeis.includes(papel.papel) || (i === 0 && o.papeis.length === 0)))
        .map((o) => o.nome);
      // Without any --include-name, schemathesis would take every operation.
      if (!suas.length) continue;
      for (const o of suas) cobertas.add(o);
      const arquivo = path.join(pasta, `papel-${i}.toml`);
      fs.writeFileSync(arquivo, configuracao(papel.como));
      const relatorioPath = path.join(pasta, `papel-${i}.json`);
      const { codigo, saida } = await executar(
        st,
        [
          '--config-file', arquivo,
          'run', `${sys.baseUrl}/docs/json`,
          '--url', sys.baseUrl,
          '--checks', 'not_a_server_error,negative_data_rejection',
          '--phases', 'examples,coverage,fuzzing',
          '--mode', 'all',
          // One worker: with threads, Python 3.11's ast module trips hypothesis while it describes a strategy
          // ("AST constructor recursion depth mismatch", a runtime error of the tool, not an answer of the API).
          '--workers', '1',
          '--no-shrink',
          // On a busy CI machine (the suite runs files in parallel on two cores) a slow answer is not a defect: no
          // hypothesis health check on generation speed, and a request may take up to a minute.
          '--suppress-health-check', 'all',
          '--request-timeout', '60',
          ...suas.flatMap((o) => ['--include-name', o]),
          '--report', 'json', '--report-json-path', relatorioPath,
        ],
        // In the run's folder: schemathesis keeps a cache (.schemathesis/) where it runs.
        { timeout: 240_000, cwd: pasta },
      );
      if (!fs.existsSync(relatorioPath)) throw new Error(`schemathesis terminou (${codigo}) sem relatório:\n${saida}`);
      const texto = fs.readFileSync(relatorioPath, 'utf8');
      const r = JSON.parse(texto) as Relatorio;
      // The seed is a 128-bit integer, which JSON.parse would round.
      const seed = /"seed":\s*(\d+)/.exec(texto)?.[1] ?? String(r.seed);
      const de = (c: string) => r.failures.filter((f) => f.code === c).reduce((n, f) => n + f.count, 0);
      // ST101: a 5xx; ST102: a 5xx to a malformed Content-Type.
      const erros500 = de('ST101') + de('ST102');
      const aceitas = de('ST201');
      const outras = r.failures.filter((f) => !['ST101', 'ST102', 'ST201'].includes(f.code));
      figuras.push(
        `${papel.nome}: ${r.operations.tested}/${r.operations.selected} operações, ${r.test_cases.generated} requisições geradas, ` +
          `${erros500} erros de servidor, ${aceitas} requisições inválidas aceitas, ${r.errors.length} erros de execução (${r.running_time.toFixed(0)} s, seed ${seed})`,
      );
      if (erros500 || aceitas || outras.length || r.errors.length || r.operations.errored || r.test_cases.errored) {
        const inicio = Math.max(0, Math.min(...['FAILURES', 'ERRORS'].map((s) => saida.indexOf(s)).filter((n) => n >= 0)) - 40);
        problemas.push(`${papel.nome} (saída ${codigo}):\n${saida.slice(inicio, inicio + 40_000)}`);
      }
    }
    process.stdout.write(`\ncontrato (schemathesis, ${EXEMPLOS} exemplos por operação e fase):\n${figuras.map((f) => `  ${f}`).join('\n')}\n`);
    // Every operation of the document was fuzzed by some role (but the one that ends the session).
    expect(operacoes.map((o) => o.nome).filter((o) => !cobertas.has(o))).toEqual(['DELETE /v1/sessoes/atual']);
    expect(problemas, problemas.join('\n\n')).toEqual([]);
  }, 600_000);
});
