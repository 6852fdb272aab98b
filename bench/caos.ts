/**
 * Chaos drill (issue 17).  Run: npx tsx bench/caos.ts [processos]   (default 40)
 *
 * Starts the real system as separate processes: a Temporal dev server persisted
 * to a file, a PostgreSQL cluster (the tests' throwaway one), `rito worker` and
 * `rito api`, each restarted by a supervisor whenever it dies, as systemd or
 * Kubernetes would. Then opens processes through the API as a representante
 * (API key) and takes each one through two actions of the vistoria rite as an
 * inspetor (autuar; registrar-exigencias-forma, which issues a numbered ofício),
 * every request retried with its Idempotency-Key on a network error or a 5xx,
 * while it SIGKILLs the worker several times, the API once, restarts
 * PostgreSQL immediately (`pg_ctl restart -m immediate`) and SIGKILLs and
 * restarts the Temporal server. Once every process has settled it prints:
 *
 * - processes lost: acknowledged to the client, but with no row or no workflow;
 * - stuck workflows: every action acknowledged, the rite not where they lead;
 * - duplicate numbers: a second open process for one school, a document number
 *   issued twice in a unit, year and espécie, an action's ofício issued twice, an
 *   abertura recorded twice in the audit trail;
 * - client errors: requests refused for good (a 4xx the retry cannot fix, or
 *   the retries exhausted), and the transient failures retried, by kind;
 * - crashes: exits of the API or the worker the drill did not cause (the
 *   supervisor would hide them otherwise).
 *
 * The short form (a few processes, about a minute) runs in the test suite:
 * test/caos/caos.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { type RawBuilder, sql } from 'kysely';
import { criarChaveApi } from '../api/auth/chaves';
import { gerarChave, lerChaves } from '../config/chaves-temporal';
import { connectDb, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { CHECKLISTS_VISTORIA } from '../rules/vistoria/checklists';
import { conversorDeDados, CodecCriptografia } from '../runtime/codec';
import { freeLoopbackPort } from '../tooling/cache';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../tooling/postgres';
import { startTemporalDevServer, type TemporalDevServer } from '../tooling/temporal-dev-server';

const RAIZ = path.resolve(__dirname, '..');
const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
/** Where the two actions lead (rules/vistoria/fases.ts: requerimento → autuar → analise-forma → registrar-exigencias-forma). */
const FASE_FINAL = 'exigencias-forma';

export interface OpcoesCaos {
  processos: number;
  /** Between the start of one process's requests and the next one's. */
  intervaloMs: number;
  /** How long every process may take to settle once the load and the faults are over. */
  convergenciaMs: number;
  log: (msg: string) => void;
}

export interface ResultadoCaos {
  processos: number;
  confirmados: number;
  perdidos: string[];
  presos: string[];
  duplicados: string[];
  /** Requests refused for good. */
  errosCliente: string[];
  /** Exits of the API or the worker the drill did not cause (a crash on a PostgreSQL or Temporal restart). */
  quedas: string[];
  /** Transient failures the clients retried, by kind (HTTP status or network error). */
  tentativasRepetidas: Record<string, number>;
  falhas: string[];
  duracaoS: number;
  logs: string;
}

/** A child process restarted whenever it exits, until stop(). */
class Supervisionado {
  private filho: ChildProcess | null = null;
  private parando = false;
  reinicios = 0;
  /** SIGKILLs sent by the drill: any other restart is a crash of the process's own. */
  mortes = 0;
  constructor(
    readonly nome: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly saida: fs.WriteStream,
  ) {}
  iniciar(): void {
    const filho = spawn(process.execPath, this.args, { cwd: RAIZ, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    filho.stdout!.pipe(this.saida, { end: false });
    filho.stderr!.pipe(this.saida, { end: false });
    filho.on('exit', (code, signal) => {
      this.saida.write(`\n--- ${this.nome} terminou (código ${code}, sinal ${signal})\n`);
      if (this.filho === filho) this.filho = null;
      if (!this.parando) {
        this.reinicios++;
        setTimeout(() => !this.parando && this.iniciar(), 300);
      }
    });
    this.filho = filho;
  }
  matar(): void {
    if (this.filho?.kill('SIGKILL')) this.mortes++;
  }
  async parar(): Promise<void> {
    this.parando = true;
    const f = this.filho;
    if (!f || f.exitCode !== null) return;
    const saiu = new Promise((ok) => f.once('exit', ok));
    f.kill('SIGTERM');
    const t = setTimeout(() => f.kill('SIGKILL'), 10_000);
    await saiu;
    clearTimeout(t);
  }
}

const espera = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export async function simularCaos(o: OpcoesCaos): Promise<ResultadoCaos> {
  const t0 = Date.now();
  const pasta = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-caos-'));
  const logs = path.join(pasta, 'processos.log');
  const saida = fs.createWriteStream(logs);
  const falhas: string[] = [];
  let pg: ThrowawayPostgres | undefined;
  let temporal: TemporalDevServer | undefined;
  let db: Db | undefined;
  let conexao: Connection | undefined;
  const supervisionados: Supervisionado[] = [];
  try {
    pg = await startThrowawayPostgres(o.log, { commitDuravel: true });
    const portaTemporal = await freeLoopbackPort();
    const arquivoTemporal = path.join(pasta, 'temporal.db');
    const subirTemporal = () =>
      startTemporalDevServer({ dbFile: arquivoTemporal, port: portaTemporal, headless: true, log: o.log, serverOutput: (l) => saida.write(`[temporal] ${l}\n`) });
    temporal = await subirTemporal();
    db = connectDb(pg.url, { max: 4 });
    await migrateToLatest(db);
    const rl = await criarChaveApi(db, { nome: 'caos: representante', papeis: ['representante'], unidade: null, instituicoes: [CNPJ], expiraEm: null }, 'caos');
    const inspetor = await criarChaveApi(db, { nome: 'caos: inspetor', papeis: ['inspetor'], unidade: UNIDADE, instituicoes: [], expiraEm: null }, 'caos');

    const chaves = gerarChave('caos');
    const porta = await freeLoopbackPort([portaTemporal]);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: `caos-${randomBytes(3).toString('hex')}`,
      TEMPORAL_CHAVES: chaves,
      HOST: '127.0.0.1',
      PORT: String(porta),
      RITO_DATA_DIR: path.join(pasta, 'dados'),
      RITO_LIMITE_REQUISICOES: '1000000',
      RITO_LIMITE_ANONIMAS: '1000000',
    };
    const worker = new Supervisionado('worker', [path.join(RAIZ, 'bin/rito'), 'worker'], env, saida);
    const api = new Supervisionado('api', [path.join(RAIZ, 'bin/rito'), 'api'], env, saida);
    supervisionados.push(worker, api);
    worker.iniciar();
    api.iniciar();
    const base = `http://127.0.0.1:${porta}`;
    const prontoAte = Date.now() + 120_000;
    while ((await fetch(`${base}/ready`).then((r) => r.status, () => 0)) !== 200) {
      if (Date.now() > prontoAte) throw new Error(`a API não ficou pronta em 120 s (log: ${logs})`);
      await espera(250);
    }
    o.log('sistema pronto: carga e falhas começam');

    // --- load: each process's requests in order, each retried with the same key until it is answered
    const tentativas: Record<string, number> = {};
    const errosCliente: string[] = [];
    const confirmados = new Map<number, { id: string; completo: boolean }>();
    const inepBase = 33_000_000 + Math.floor(Math.random() * 900_000);
    const pedir = async (i: number, passo: string, chave: string | null, metodo: string, url: string, corpo: unknown, como: string, sucesso: number[]) => {
      const limite = Date.now() + 150_000;
      let atraso = 200;
      for (;;) {
        let tipo: string;
        try {
          const r = await fetch(base + url, {
            method: metodo,
            headers: { authorization: `Bearer ${como}`, 'content-type': 'application/json', ...(chave ? { 'idempotency-key': chave } : {}) },
            body: JSON.stringify(corpo),
            signal: AbortSignal.timeout(30_000),
          });
          const texto = await r.text();
          if (sucesso.includes(r.status)) return JSON.parse(texto);
          if (r.status < 500 && r.status !== 429 && r.status !== 408) {
            errosCliente.push(`processo ${i}, ${passo}: ${r.status} ${texto.slice(0, 300)}`);
            return null;
          }
          tipo = `HTTP ${r.status}`;
        } catch (err) {
          tipo = (err as Error).name === 'TimeoutError' ? 'tempo esgotado' : 'erro de rede';
        }
        tentativas[tipo] = (tentativas[tipo] ?? 0) + 1;
        if (Date.now() > limite) {
          errosCliente.push(`processo ${i}, ${passo}: sem resposta de sucesso em 150 s (último: ${tipo})`);
          return null;
        }
        await espera(atraso);
        atraso = Math.min(atraso * 2, 2_000);
      }
    };
    const cliente = async (i: number) => {
      const inep = String(inepBase + i);
      const p = await pedir(i, 'abertura', null, 'POST', '/v1/processos', {
        tipo: 'entrada-suplementar',
        instituicao: { cnpj: CNPJ, codigoInep: inep, nome: `Escola do Ensaio ${i}`, endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
        unidade: UNIDADE,
        requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
      }, rl.chave, [200, 201]);
      if (!p) return;
      confirmados.set(i, { id: p.id, completo: false });
      const acao = (nome: string, corpo: unknown) =>
        pedir(i, nome, `caos-${inep}-${nome}`, 'POST', `/v1/processos/${encodeURIComponent(p.id)}/vistoria/${nome}`, corpo, inspetor.chave, [200]);
      if (!(await acao('autuar', { numeroSei: `SEI-030001/${String(100_000 + i).padStart(6, '0')}/2026` }))) return;
      // The checklist of the kind applied whole, as a servidor fills it in (every item met or not applying), and one exigência.
      const checklist = CHECKLISTS_VISTORIA['entrada-suplementar'].documentos.map((item) => ({ codigo: item.codigo, situacao: item.condicao ? 'nao-se-aplica' : 'conforme' }));
      const exigencias = [{ codigo: 'laudo', descricao: 'Apresentar o laudo do Corpo de Bombeiros', motivacao: 'O laudo não veio com o requerimento.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22' }];
      if (!(await acao('registrar-exigencias-forma', { checklist, exigencias }))) return;
      confirmados.set(i, { id: p.id, completo: true });
    };
    const carga = Promise.all(
      Array.from({ length: o.processos }, async (_, i) => {
        await espera(i * o.intervaloMs);
        await cliente(i);
      }),
    );

    // --- faults, spread over the load
    const duracaoCarga = Math.max(o.processos * o.intervaloMs, 20_000);
    const eventos: [number, string, () => Promise<void>][] = [
      [0.1, 'SIGKILL no worker', async () => worker.matar()],
      [0.25, 'SIGKILL no worker', async () => worker.matar()],
      [0.4, 'SIGKILL na API', async () => api.matar()],
      [0.55, 'PostgreSQL reiniciado imediatamente (pg_ctl restart -m immediate)', async () => pg!.reiniciarImediatamente()],
      [0.7, 'SIGKILL no worker', async () => worker.matar()],
      [0.85, 'SIGKILL no Temporal server, reiniciado', async () => {
        process.kill(temporal!.pid, 'SIGKILL');
        await temporal!.stop();
        temporal = await subirTemporal();
      }],
    ];
    const inicio = Date.now();
    for (const [fracao, nome, fazer] of eventos) {
      await espera(Math.max(0, inicio + fracao * duracaoCarga - Date.now()));
      o.log(`falha: ${nome}`);
      await fazer().catch((err) => falhas.push(`${nome}: ${(err as Error).message}`));
    }
    await carga;
    o.log(`carga terminada; esperando os processos se assentarem (até ${Math.round(o.convergenciaMs / 1000)} s)`);

    // --- what the system holds now
    conexao = await Connection.connect({ address: temporal.address });
    const client = new Client({ connection: conexao, namespace: 'default', dataConverter: conversorDeDados(new CodecCriptografia(lerChaves(chaves))) });
    const fases = async () => new Map((await db!.selectFrom('processo').select(['id', 'fase']).execute()).map((r) => [r.id, r.fase]));
    const ate = Date.now() + o.convergenciaMs;
    let lidas = await fases();
    while (Date.now() < ate && [...confirmados.values()].some((c) => c.completo && lidas.get(c.id) !== FASE_FINAL)) {
      await espera(1_000);
      lidas = await fases().catch(() => lidas);
    }
    const perdidos: string[] = [];
    const presos: string[] = [];
    for (const { id, completo } of confirmados.values()) {
      let workflow = true;
      try {
        await client.workflow.getHandle(id).describe();
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) workflow = false;
        else throw err;
      }
      if (!lidas.has(id) || !workflow) perdidos.push(`${id}: ${!lidas.has(id) ? 'sem linha no modelo de leitura' : ''}${!workflow ? ' sem workflow' : ''}`);
      else if (completo && lidas.get(id) !== FASE_FINAL) presos.push(`${id}: na fase ${lidas.get(id)}, esperada ${FASE_FINAL}`);
    }
    const duplicados: string[] = [];
    const linhas = async <T>(q: RawBuilder<T>) => (await q.execute(db!)).rows;
    for (const r of await linhas<{ chave: string; n: number }>(sql`select chave, count(*)::int as n from processo where not encerrado group by chave having count(*) > 1`)) {
      duplicados.push(`${r.n} processos abertos para ${r.chave}`);
    }
    for (const r of await linhas<{ identificacao: string; n: number }>(
      sql`select min(identificacao) as identificacao, count(*)::int as n from documento group by unidade, ano, especie, numero having count(*) > 1`,
    )) {
      duplicados.push(`número de documento emitido ${r.n} vezes: ${r.identificacao}`);
    }
    for (const r of await linhas<{ processo_id: string; tipo: string; n: number }>(
      sql`select processo_id, tipo, count(*)::int as n from documento where processo_id is not null group by processo_id, tipo having count(*) > 1`,
    )) {
      duplicados.push(`${r.processo_id}: ${r.n} documentos ${r.tipo}`);
    }
    for (const r of await linhas<{ processo_id: string; n: number }>(
      sql`select processo_id, count(*)::int as n from auditoria where acao = 'processo.abrir' group by processo_id having count(*) > 1`,
    )) {
      duplicados.push(`${r.processo_id}: abertura registrada ${r.n} vezes na trilha`);
    }
    return {
      processos: o.processos,
      confirmados: confirmados.size,
      perdidos,
      presos,
      duplicados,
      errosCliente,
      quedas: supervisionados.filter((s) => s.reinicios > s.mortes).map((s) => `${s.nome}: ${s.reinicios - s.mortes} vez(es) sem ser morto (ver o log)`),
      tentativasRepetidas: tentativas,
      falhas: [...falhas, ...supervisionados.map((s) => `${s.nome}: morto ${s.mortes} vezes, reiniciado ${s.reinicios}`)],
      duracaoS: Math.round((Date.now() - t0) / 1000),
      logs,
    };
  } finally {
    for (const s of supervisionados) await s.parar().catch(() => {});
    await conexao?.close().catch(() => {});
    await db?.destroy().catch(() => {});
    await temporal?.stop().catch(() => {});
    await pg?.stop().catch(() => {});
    saida.end();
    // The log stays, for a failure to be read; Temporal's database and the API's files go.
    for (const f of fs.readdirSync(pasta)) if (f !== path.basename(logs)) fs.rmSync(path.join(pasta, f), { recursive: true, force: true });
  }
}

/** The figures, as the drill prints them. */
export function relatorioCaos(r: ResultadoCaos): string {
  const lista = (itens: string[]) => itens.map((i) => `\n    - ${i}`).join('');
  const repetidas = Object.entries(r.tentativasRepetidas).map(([k, v]) => `${k}: ${v}`).join(', ') || 'nenhuma';
  return [
    `ensaio de caos: ${r.processos} processos (${r.confirmados} confirmados ao cliente), ${r.duracaoS} s`,
    `  processos perdidos: ${r.perdidos.length}${lista(r.perdidos)}`,
    `  workflows presos: ${r.presos.length}${lista(r.presos)}`,
    `  números duplicados: ${r.duplicados.length}${lista(r.duplicados)}`,
    `  erros de cliente: ${r.errosCliente.length}${lista(r.errosCliente)}`,
    `  quedas não provocadas (API, worker): ${r.quedas.length}${lista(r.quedas)}`,
    `  tentativas repetidas (falhas passageiras): ${repetidas}`,
    `  falhas provocadas e reinícios: ${r.falhas.join('; ')}`,
    `  logs dos processos: ${r.logs}`,
  ].join('\n');
}

if (require.main === module) {
  const processos = Number(process.argv[2] ?? 40);
  simularCaos({ processos, intervaloMs: 1_000, convergenciaMs: 180_000, log: (m) => process.stderr.write(`caos: ${m}\n`) }).then(
    (r) => {
      process.stdout.write(`${relatorioCaos(r)}\n`);
      process.exitCode = r.perdidos.length || r.presos.length || r.duplicados.length || r.errosCliente.length || r.quedas.length ? 1 : 0;
    },
    (err) => {
      process.stderr.write(`caos: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
