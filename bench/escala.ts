/**
 * Scale (issue 16).  Run: npx tsx bench/escala.ts [--temporal=postgres|dev|sqlite] [--ate=N] [--minutos=M]
 *                                              [--concorrencia=C] [--marcos=1000,10000,50000,100000] [--amostra=200]
 *
 * Opens processes through rito's real HTTP API until N are open (default 100,000) or M minutes have passed
 * (default 600), and drives each to a pending timer: abertura as the representante (API key), then as the inspetor
 * autuar and registrar-exigencias-forma, which notifies the RL and leaves the rite in exigencias-forma waiting on its
 * prazo (the RL's notice and then the 10 days of Fluxo 3, rules/vistoria/fases.ts) — the same requests as the chaos
 * drill (bench/caos.ts), C processes at a time.
 *
 * Everything runs as it would deployed, each part a process of its own so its memory can be read: a throwaway
 * PostgreSQL cluster (tooling/postgres.ts) holding rito's database and, with --temporal=postgres (the default),
 * Temporal's (a real Temporal server built from go.temporal.io/server, tooling/temporal-postgres.ts; --temporal=dev:
 * the CLI's in-memory dev server instead; --temporal=sqlite: the dev server on a SQLite file, as `rito dev` keeps
 * it, whose size is printed with the databases'), `rito worker` and `rito api` (bin/rito).
 *
 * At each checkpoint (the --marcos reached, and wherever the run stops) the load pauses and it prints: processes
 * open, the start rate since the previous checkpoint (processes driven to their timer per second), the resident
 * memory of the worker, the API and the Temporal server (each with its child processes), the databases' sizes,
 * the machine's load average, then p50/p99 of three requests sent one at a time on `--amostra` random open
 * processes: GET /v1/processos/{id}, GET /v1/processos/{id}/vistoria and the RL's POST …/vistoria/tomar-ciencia
 * (each process takes ciência once, so that sample is drawn from processes not sampled before). A run that stops
 * early says why (the budget, or requests failing).
 *
 * The cluster is the tests' (fsync off, synchronous_commit off): it measures what the engine and rito cost, not a
 * disk's flushes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { criarChaveApi } from '../api/auth/chaves';
import { gerarChave } from '../config/chaves-temporal';
import { connectDb } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { CHECKLISTS_VISTORIA } from '../rules/vistoria/checklists';
import { freeLoopbackPort } from '../tooling/cache';
import { startThrowawayPostgres } from '../tooling/postgres';
import { startTemporalDevServer } from '../tooling/temporal-dev-server';
import { startTemporalPostgres, TEMPORAL_DATABASE, VISIBILITY_DATABASE } from '../tooling/temporal-postgres';
import { relatarLinha } from './resultado';

/** Issue 16: reads never replay a workflow, p99 under 50 ms at 100,000 open processes. */
const META_P99_MS = 50;
const META_ABERTOS = 100_000;

const RAIZ = path.resolve(__dirname, '..');
const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
const TIPO = 'entrada-suplementar';

interface Opcoes {
  temporal: 'postgres' | 'dev' | 'sqlite';
  ate: number;
  minutos: number;
  concorrencia: number;
  marcos: number[];
  amostra: number;
}

const DESCRICAO_TEMPORAL: Record<Opcoes['temporal'], string> = {
  postgres: 'server sobre PostgreSQL (tooling/temporal-postgres.ts)',
  dev: 'dev server em memória (temporal server start-dev)',
  sqlite: 'dev server sobre SQLite em arquivo (temporal server start-dev --db-filename)',
};
const ROTULO_TEMPORAL: Record<Opcoes['temporal'], string> = { postgres: 'sobre PostgreSQL', dev: 'dev server', sqlite: 'dev server sobre SQLite' };

/** Bytes of a SQLite database with its write-ahead log and shared memory files. */
function tamanhoArquivos(arquivo: string): number {
  return ['', '-wal', '-shm'].reduce((t, sufixo) => t + (fs.statSync(arquivo + sufixo, { throwIfNoEntry: false })?.size ?? 0), 0);
}

function opcoes(argv: string[]): Opcoes {
  const o: Opcoes = { temporal: 'postgres', ate: 100_000, minutos: 600, concorrencia: 12, marcos: [1_000, 10_000, 50_000, 100_000], amostra: 200 };
  for (const a of argv) {
    const m = /^--([a-z]+)=(.+)$/.exec(a);
    if (!m) throw new Error(`argumento não reconhecido: ${a}`);
    const [, k, v] = m;
    if (k === 'temporal' && (v === 'postgres' || v === 'dev' || v === 'sqlite')) o.temporal = v;
    else if (k === 'ate' || k === 'minutos' || k === 'concorrencia' || k === 'amostra') o[k] = Number(v);
    else if (k === 'marcos') o.marcos = v.split(',').map(Number);
    else throw new Error(`argumento não reconhecido: ${a}`);
  }
  o.marcos = [...new Set([...o.marcos.filter((n) => n < o.ate), o.ate])].sort((a, b) => a - b);
  return o;
}

const espera = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

/** Resident memory (kB) of a process and every descendant (the worker's Chromium for the ofícios, say), from /proc. */
function rssArvore(pid: number | undefined): number {
  if (!pid) return 0;
  const filhos = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const status = fs.readFileSync(`/proc/${d}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(d), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      filhos.set(ppid, [...(filhos.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const pilha = [pid];
  while (pilha.length) {
    const p = pilha.pop()!;
    total += rss.get(p) ?? 0;
    pilha.push(...(filhos.get(p) ?? []));
  }
  return total;
}

async function main() {
  const o = opcoes(process.argv.slice(2));
  const log = (m: string) => process.stderr.write(`escala: ${m}\n`);
  const pasta = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-escala-'));
  const sqliteTemporal = path.join(pasta, 'temporal.sqlite');
  const saida = fs.createWriteStream(path.join(pasta, 'processos.log'));
  const pg = await startThrowawayPostgres(log);
  const filhos: ChildProcess[] = [];
  let pararTemporal: () => Promise<void> = async () => {};
  const db = connectDb(pg.url, { max: 2 });
  try {
    let temporalPid: number;
    let temporalAddress: string;
    if (o.temporal === 'postgres') {
      const t = await startTemporalPostgres(log, { pg });
      temporalPid = t.pid;
      temporalAddress = t.address;
      pararTemporal = t.stop;
    } else {
      const t = await startTemporalDevServer({ log, headless: true, ...(o.temporal === 'sqlite' ? { dbFile: sqliteTemporal } : {}) });
      temporalPid = t.pid;
      temporalAddress = t.address;
      pararTemporal = t.stop;
    }
    await migrateToLatest(db);
    const rl = await criarChaveApi(db, { nome: 'escala: representante', papeis: ['representante'], unidade: null, instituicoes: [CNPJ], expiraEm: null }, 'escala');
    const inspetor = await criarChaveApi(db, { nome: 'escala: inspetor', papeis: ['inspetor'], unidade: UNIDADE, instituicoes: [], expiraEm: null }, 'escala');

    const porta = await freeLoopbackPort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: `escala-${randomBytes(3).toString('hex')}`,
      TEMPORAL_CHAVES: gerarChave('escala'),
      HOST: '127.0.0.1',
      PORT: String(porta),
      RITO_DATA_DIR: path.join(pasta, 'dados'),
      RITO_LIMITE_REQUISICOES: '100000000',
      RITO_LIMITE_ANONIMAS: '100000000',
    };
    const iniciar = (nome: string) => {
      const filho = spawn(process.execPath, [path.join(RAIZ, 'bin/rito'), nome], { cwd: RAIZ, env, stdio: ['ignore', 'pipe', 'pipe'] });
      filho.stdout!.pipe(saida, { end: false });
      filho.stderr!.pipe(saida, { end: false });
      filho.on('exit', (code, signal) => saida.write(`\n--- ${nome} terminou (código ${code}, sinal ${signal})\n`));
      filhos.push(filho);
      return filho;
    };
    const worker = iniciar('worker');
    const api = iniciar('api');
    const base = `http://127.0.0.1:${porta}`;
    const prontoAte = Date.now() + 120_000;
    while ((await fetch(`${base}/ready`).then((r) => r.status, () => 0)) !== 200) {
      if (Date.now() > prontoAte) throw new Error(`a API não ficou pronta em 120 s (log: ${saida.path})`);
      if (worker.exitCode !== null || api.exitCode !== null) throw new Error(`o worker ou a API terminou ao subir (log: ${saida.path})`);
      await espera(250);
    }

    const pedir = async (metodo: string, url: string, como: string, corpo?: unknown, chave?: string): Promise<{ status: number; corpo: any }> => {
      const r = await fetch(base + url, {
        method: metodo,
        headers: { authorization: `Bearer ${como}`, ...(corpo === undefined ? {} : { 'content-type': 'application/json' }), ...(chave ? { 'idempotency-key': chave } : {}) },
        body: corpo === undefined ? undefined : JSON.stringify(corpo),
        signal: AbortSignal.timeout(60_000),
      });
      const texto = await r.text();
      let json: unknown = null;
      try {
        json = texto ? JSON.parse(texto) : null;
      } catch {
        json = texto;
      }
      return { status: r.status, corpo: json };
    };

    // --- load: one process at a time per slot, each driven to its pending timer
    const checklist = CHECKLISTS_VISTORIA[TIPO].documentos.map((item) => ({ codigo: item.codigo, situacao: item.condicao ? 'nao-se-aplica' : 'conforme' }));
    const exigencias = [{ codigo: 'laudo', descricao: 'Apresentar o laudo do Corpo de Bombeiros', motivacao: 'O laudo não veio com o requerimento.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22' }];
    const inepBase = 30_000_000;
    const abertos: string[] = [];
    const erros = new Map<string, number>();
    let ultimoErro = '';
    let seguidos = 0;
    const falhou = (passo: string, r: { status: number; corpo: any } | Error) => {
      const tipo = r instanceof Error ? `${passo}: ${r.name}` : `${passo}: HTTP ${r.status}`;
      erros.set(tipo, (erros.get(tipo) ?? 0) + 1);
      ultimoErro = r instanceof Error ? `${tipo} ${r.message}` : `${tipo} ${JSON.stringify(r.corpo).slice(0, 300)}`;
      seguidos++;
    };
    const conduzir = async (i: number) => {
      const inep = String(inepBase + i);
      try {
        const p = await pedir('POST', '/v1/processos', rl.chave, {
          tipo: TIPO,
          instituicao: { cnpj: CNPJ, codigoInep: inep, nome: `Escola da Escala ${i}`, endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
          unidade: UNIDADE,
          requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
        });
        if (p.status !== 201) return falhou('abertura', p);
        const id = p.corpo.id as string;
        const acao = (nome: string, corpo: unknown) => pedir('POST', `/v1/processos/${encodeURIComponent(id)}/vistoria/${nome}`, inspetor.chave, corpo, `escala-${inep}-${nome}`);
        const a = await acao('autuar', { numeroSei: `SEI-030001/${String(i).padStart(6, '0')}/2026` });
        if (a.status !== 200) return falhou('autuar', a);
        const e = await acao('registrar-exigencias-forma', { checklist, exigencias });
        if (e.status !== 200) return falhou('registrar-exigencias-forma', e);
        abertos.push(id);
        seguidos = 0;
      } catch (err) {
        falhou('rede', err as Error);
      }
    };

    let proximo = 0;
    let emVoo = 0;
    let parar = '';
    const inicio = Date.now();
    const limite = inicio + o.minutos * 60_000;
    const progresso = setInterval(() => {
      log(`${abertos.length} abertos, ${((abertos.length / (Date.now() - inicio)) * 1000).toFixed(1)}/s desde o início, erros ${[...erros.values()].reduce((a, b) => a + b, 0)}, carga ${os.loadavg()[0].toFixed(2)}`);
    }, 30_000);
    progresso.unref();

    /** Runs the load until `alvo` processes are open (or a stop condition); in-flight processes finish first. */
    const carregarAte = async (alvo: number) => {
      await Promise.all(
        Array.from({ length: o.concorrencia }, async () => {
          while (!parar && abertos.length + emVoo < alvo) {
            if (Date.now() > limite) parar = `orçamento de ${o.minutos} min esgotado`;
            else if (seguidos >= 50) parar = `50 processos seguidos falharam; último: ${ultimoErro}`;
            if (parar) break;
            emVoo++;
            await conduzir(proximo++).finally(() => emVoo--);
          }
        }),
      );
    };

    const usados = new Set<string>();
    const sortear = (n: number, excluir?: Set<string>) => {
      const escolhidos: string[] = [];
      const vistos = new Set<string>();
      for (let tentativas = 0; escolhidos.length < n && tentativas < n * 20; tentativas++) {
        const id = abertos[Math.floor(Math.random() * abertos.length)];
        if (vistos.has(id) || excluir?.has(id)) continue;
        vistos.add(id);
        escolhidos.push(id);
      }
      return escolhidos;
    };
    const medir = async (ids: string[], fn: (id: string) => Promise<{ status: number; corpo: any }>, esperado: number) => {
      const tempos: number[] = [];
      let ruins = 0;
      let exemplo = '';
      for (const id of ids) {
        const t = performance.now();
        const r = await fn(id);
        tempos.push(performance.now() - t);
        if (r.status !== esperado) {
          ruins++;
          exemplo ||= `HTTP ${r.status} ${JSON.stringify(r.corpo).slice(0, 200)}`;
        }
      }
      const p99 = pct(tempos, 99);
      return { p99, texto: `p50 ${pct(tempos, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (n = ${ids.length}${ruins ? `, ${ruins} respostas inesperadas, p.ex. ${exemplo}` : ''})` };
    };
    /** The reads' p99 at the last checkpoint reached, for npm run bench's table (issue 16: < 50 ms at 100,000 open). */
    const ultimo: { n: number; leituras: [string, number][] } = { n: 0, leituras: [] };

    const tamanhos = async () => {
      const bancos = o.temporal === 'postgres' ? ['rito_test', TEMPORAL_DATABASE, VISIBILITY_DATABASE] : ['rito_test'];
      const partes: string[] = [];
      for (const b of bancos) {
        const { rows } = await sql<{ bytes: string }>`select pg_database_size(${b}) as bytes`.execute(db);
        partes.push(`${b} ${(Number(rows[0].bytes) / 2 ** 20).toFixed(0)} MiB`);
      }
      if (o.temporal === 'sqlite') partes.push(`SQLite do Temporal ${(tamanhoArquivos(sqliteTemporal) / 2 ** 20).toFixed(0)} MiB`);
      return partes.join(', ');
    };

    console.log(
      `escala: Temporal ${DESCRICAO_TEMPORAL[o.temporal]}; ` +
        `${o.concorrencia} processos em voo; até ${o.ate} abertos ou ${o.minutos} min; ${os.cpus().length} núcleos`,
    );
    let anterior = { n: 0, ativoMs: 0 };
    let ativoMs = 0;
    for (const marco of o.marcos) {
      const t0 = Date.now();
      await carregarAte(marco);
      ativoMs += Date.now() - t0;
      const n = abertos.length;
      const taxa = ((n - anterior.n) / (ativoMs - anterior.ativoMs)) * 1000;
      const linhas = [
        `— ${n} abertos${parar ? ` (parou antes de ${marco}: ${parar})` : ''}; ${Math.round(ativoMs / 1000)} s de carga`,
        `  taxa de abertura (até o timer) desde o marco anterior: ${taxa.toFixed(1)} processos/s`,
        `  memória (RSS): worker ${mib(rssArvore(worker.pid))}, API ${mib(rssArvore(api.pid))}, Temporal ${mib(rssArvore(temporalPid))}`,
        `  PostgreSQL: ${await tamanhos()}`,
        `  carga da máquina (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
      ];
      if (n > 0) {
        const amostra = sortear(o.amostra);
        const processo = await medir(amostra, (id) => pedir('GET', `/v1/processos/${encodeURIComponent(id)}`, inspetor.chave), 200);
        const vistoria = await medir(amostra, (id) => pedir('GET', `/v1/processos/${encodeURIComponent(id)}/vistoria`, inspetor.chave), 200);
        linhas.push(`  GET /v1/processos/{id}: ${processo.texto}`, `  GET /v1/processos/{id}/vistoria: ${vistoria.texto}`);
        Object.assign(ultimo, { n, leituras: [['GET /v1/processos/{id}', processo.p99], ['GET /v1/processos/{id}/vistoria', vistoria.p99]] });
        const ciencia = sortear(o.amostra, usados);
        for (const id of ciencia) usados.add(id);
        linhas.push(
          `  POST …/vistoria/tomar-ciencia (RL): ${(await medir(ciencia, (id) => pedir('POST', `/v1/processos/${encodeURIComponent(id)}/vistoria/tomar-ciencia`, rl.chave, {}, `escala-ciencia-${id}`), 200)).texto}`,
        );
      }
      if (erros.size) linhas.push(`  falhas: ${[...erros].map(([k, v]) => `${k} ×${v}`).join(', ')}; última: ${ultimoErro}`);
      console.log(linhas.join('\n'));
      anterior = { n, ativoMs };
      if (parar) break;
    }
    clearInterval(progresso);
    console.log(`logs do worker e da API: ${saida.path}`);
    for (const [caminho, p99] of ultimo.leituras) {
      relatarLinha({
        caminho: `${caminho}, p99 com ${ultimo.n.toLocaleString('pt-BR')} abertos (Temporal ${ROTULO_TEMPORAL[o.temporal]})`,
        rito: p99,
        bruto: null,
        unidade: 'ms',
        razao: null,
        meta: META_P99_MS,
        metaTexto: `< ${META_P99_MS} ms com ${META_ABERTOS.toLocaleString('pt-BR')} abertos`,
        // Below the goal's size, the goal is not shown met, whatever the figure.
        atingida: ultimo.n >= META_ABERTOS && p99 < META_P99_MS,
        nota: ultimo.n < META_ABERTOS ? `parou em ${ultimo.n.toLocaleString('pt-BR')} abertos (${parar || 'marcos pedidos'})` : undefined,
      });
    }
  } finally {
    for (const f of filhos) {
      if (f.exitCode !== null) continue;
      const saiu = new Promise((ok) => f.once('exit', ok));
      f.kill('SIGTERM');
      const t = setTimeout(() => f.kill('SIGKILL'), 15_000);
      await saiu;
      clearTimeout(t);
    }
    await db.destroy().catch(() => {});
    await pararTemporal().catch(() => {});
    await pg.stop().catch(() => {});
    saida.end();
    fs.rmSync(path.join(pasta, 'dados'), { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`escala: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
