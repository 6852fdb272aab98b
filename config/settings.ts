/**
 * Every setting rito reads, from environment variables, validated once at
 * start-up. The README's configuration table is generated from `SETTINGS`
 * descriptions, so keep them in step.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { lerChaves } from './chaves-temporal';

const repoRoot = path.resolve(__dirname, '..');

// Validation messages everywhere in rito (API bodies included) come out in pt-BR.
z.config(z.locales.ptBR());

const port = z.coerce
  .number({ error: 'deve ser um número de porta (0 a 65535)' })
  .int('deve ser um número inteiro')
  .min(0)
  .max(65535);

/** proxy-addr's named ranges, which Fastify's trustProxy accepts alongside addresses. */
const FAIXAS_NOMEADAS = ['loopback', 'linklocal', 'uniquelocal'];

function enderecoOuRedeValido(item: string): boolean {
  if (FAIXAS_NOMEADAS.includes(item)) return true;
  const [endereco, prefixo, ...resto] = item.split('/');
  const versao = isIP(endereco);
  if (!versao || resto.length) return false;
  if (prefixo === undefined) return true;
  return /^\d{1,3}$/.test(prefixo) && Number(prefixo) <= (versao === 4 ? 32 : 128);
}

/**
 * Which proxies may name the client in X-Forwarded-For (Fastify's trustProxy).
 * Unset: none, the connection's address is the client. Trusting every hop
 * ("true") is refused: any client reaching the API directly could then pick
 * its own IP and step around the per-IP login lockout.
 */
const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): number | string[] | undefined => {
    if (v === undefined || v === '' || v === 'false') return undefined;
    if (v === 'true') {
      ctx.addIssue({
        code: 'custom',
        message: 'true confiaria em qualquer origem, e qualquer cliente poderia forjar seu IP; informe os endereços ou redes dos proxies, ou quantos proxies há à frente da API',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(v)) {
      const saltos = Number(v);
      if (saltos < 1 || saltos > 10) {
        ctx.addIssue({ code: 'custom', message: 'o número de proxies à frente da API deve estar entre 1 e 10' });
        return z.NEVER;
      }
      return saltos;
    }
    const itens = v.split(',').map((i) => i.trim()).filter(Boolean);
    const invalidos = itens.filter((i) => !enderecoOuRedeValido(i));
    if (!itens.length || invalidos.length) {
      ctx.addIssue({
        code: 'custom',
        message: `endereço ou rede inválido: ${invalidos.join(', ') || v}; use IPs ou redes CIDR separados por vírgula (10.0.0.5, 10.0.0.0/8), loopback, linklocal, uniquelocal, ou um número de proxies`,
      });
      return z.NEVER;
    }
    return itens;
  });

export const SETTINGS = {
  DATABASE_URL: {
    schema: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    description: 'URL do PostgreSQL (postgres://usuário:senha@host:porta/banco). Sem ela, `rito dev` usa PGlite embutido em RITO_DATA_DIR.',
  },
  DATABASE_URL_MIGRACAO: {
    schema: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    description:
      'URL do PostgreSQL com o papel dono das tabelas, usada só por `rito migrate` (e pela migração de `rito dev`). ' +
      'Sem ela, vale DATABASE_URL. Em produção, DATABASE_URL de `rito api` e `rito worker` usa o papel rito_app, que só pode inserir e ler a auditoria (ver "Papéis do banco").',
  },
  TEMPORAL_ADDRESS: {
    schema: z.string().regex(/^[\w.-]+:\d+$/, 'use host:porta, por exemplo 127.0.0.1:7233').optional(),
    description: 'Endereço do frontend do Temporal. Sem ele, `rito dev` sobe o servidor de desenvolvimento do Temporal.',
  },
  TEMPORAL_NAMESPACE: { schema: z.string().min(1).default('default'), description: 'Namespace do Temporal.' },
  WORKER_MAX_CACHED_WORKFLOWS: {
    schema: z.coerce.number({ error: 'deve ser um número inteiro' }).int().min(0).default(1000),
    description:
      'Quantos processos o worker mantém carregados em memória (cerca de 0,4 MiB cada; ver bench/worker.ts). Um processo fora do cache é recarregado do histórico quando age.',
  },
  TEMPORAL_CHAVES: {
    schema: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        try {
          return lerChaves(v);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
    description:
      'Chaves AES-256 que criptografam tudo o que o rito envia ao Temporal (entradas dos processos, com o CPF do requerente; dados das atividades): ' +
      'pares id:chave-em-base64 separados por vírgula; a primeira criptografa, todas decifram (para trocar de chave, ponha a nova à frente e mantenha as antigas). ' +
      'Gere uma com `rito config --gerar-chave`; use as mesmas na API e em todos os workers. Obrigatória em `rito api` e `rito worker`; ' +
      'sem ela, `rito dev` gera uma em RITO_DATA_DIR/temporal-chaves na primeira partida.',
  },
  TEMPORAL_UI_ORIGEM: {
    schema: z
      .string()
      .regex(/^https?:\/\/[^/\s]+$/, 'use a origem da interface do Temporal: esquema://host[:porta], sem caminho')
      .optional(),
    description:
      'Origem (https://host[:porta]) da interface web do Temporal autorizada a chamar o codec da API (POST /v1/temporal/codec/decode e /encode, por CORS) ' +
      'para mostrar as entradas decifradas a administradores e supervisores. Sem ela, `rito dev` autoriza a interface do Temporal dev server; `rito api` não autoriza nenhuma.',
  },
  TEMPORAL_TASK_QUEUE: { schema: z.string().min(1).default('rito'), description: 'Fila de tarefas dos workflows e atividades do rito.' },
  HOST: { schema: z.string().min(1).default('127.0.0.1'), description: 'Interface em que a API escuta.' },
  PORT: { schema: port.default(3000), description: 'Porta da API HTTP.' },
  TRUST_PROXY: {
    schema: trustProxy,
    description:
      'Proxies reversos cujo X-Forwarded-For informa o IP real do cliente (usado no bloqueio de entradas por IP e na auditoria): ' +
      'IPs ou redes CIDR separados por vírgula (10.0.0.5, 10.0.0.0/8; também loopback, linklocal, uniquelocal) ou o número de proxies à frente da API (1 a 10). ' +
      'Sem ela, vale o endereço da conexão e X-Forwarded-For é ignorado: atrás de um proxy, todos os clientes teriam o IP dele e um bloquearia os outros. ' +
      '"true" é recusado, porque qualquer cliente poderia forjar o próprio IP.',
  },
  RITO_LIMITE_REQUISICOES: {
    schema: z.coerce.number({ error: 'deve ser um número inteiro' }).int('deve ser um número inteiro').positive('deve ser maior que zero').default(600),
    description:
      'Quantas requisições cada chamador pode fazer por janela (RITO_LIMITE_JANELA_S): por usuário ou chave de API quando autenticado, senão por IP. ' +
      'Acima dele, a API responde 429 com Retry-After. A contagem fica no PostgreSQL, compartilhada por todas as instâncias da API.',
  },
  RITO_LIMITE_ANONIMAS: {
    schema: z.coerce.number({ error: 'deve ser um número inteiro' }).int('deve ser um número inteiro').positive('deve ser maior que zero').default(20),
    description:
      'Limite mais estrito, por IP e por janela, das rotas públicas que agem (entrar: POST /v1/sessoes; redefinição de senha: POST /v1/senhas/redefinicao e /{token}), ' +
      'contado para cada rota. Atrás de um proxy, configure TRUST_PROXY, ou todos os clientes dividiriam o IP dele.',
  },
  RITO_LIMITE_JANELA_S: {
    schema: z.coerce.number({ error: 'deve ser um número inteiro de segundos' }).int('deve ser um número inteiro de segundos').min(1).max(86_400).default(60),
    description: 'Duração, em segundos, da janela em que RITO_LIMITE_REQUISICOES e RITO_LIMITE_ANONIMAS são contados.',
  },
  RITO_SESSAO_CACHE_MS: {
    schema: z.coerce.number({ error: 'deve ser um número inteiro de milissegundos' }).int('deve ser um número inteiro de milissegundos').min(0).max(60_000).default(5000),
    description:
      'Por quanto tempo, no máximo, cada instância da API reaproveita uma sessão já lida do PostgreSQL sem lê-la de novo (0 desliga). ' +
      'Encerrar a sessão, desativar a conta ou mudar papéis, senha ou escopo valem em todas as instâncias assim que o PostgreSQL avisa (LISTEN/NOTIFY), ' +
      'bem antes desse limite; ele só cobre um aviso perdido e o mandato que começa ou termina pelo relógio. Só com DATABASE_URL (o banco embutido não tem o cache). ' +
      'Atrás de um PgBouncer em modo transaction, LISTEN não funciona: use 0 (ou aponte DATABASE_URL direto para o PostgreSQL).',
  },
  AUDITORIA_ANCORA_CHAVE: {
    schema: z
      .string()
      .optional()
      .refine((v) => v === undefined || Buffer.from(v, 'base64').length >= 32, 'use ao menos 32 bytes em base64 (gere com `rito config --gerar-chave-ancora`)'),
    description:
      'Chave HMAC-SHA256 (base64, 32 bytes ou mais) que assina as âncoras da trilha de auditoria: a cada AUDITORIA_ANCORA_INTERVALO_S, a API grava fora do banco (arquivo e log) ' +
      'a última entrada da cadeia (seq, hash, instante) assinada, e `rito auditoria verificar` confere a cadeia com as âncoras deste banco (a mais recente inclusive). ' +
      'Gere com `rito config --gerar-chave-ancora`; guarde-a fora do banco. Sem ela, `rito dev` gera uma em RITO_DATA_DIR/auditoria-ancora-chave e `rito api` não ancora (avisa no log).',
  },
  AUDITORIA_ANCORA_DIR: {
    schema: z.string().min(1).optional(),
    description:
      'Pasta das âncoras assinadas da trilha de auditoria (um arquivo JSON por âncora). Sem ela, RITO_DATA_DIR/auditoria-ancoras. ' +
      'Use um volume que o papel do banco não alcance (outro servidor, armazenamento só de acréscimo).',
  },
  AUDITORIA_ANCORA_INTERVALO_S: {
    schema: z.coerce.number({ error: 'deve ser um número inteiro de segundos' }).int('deve ser um número inteiro de segundos').min(1).default(300),
    description: 'De quantos em quantos segundos a API ancora a cabeça da cadeia de auditoria (só quando ela avançou desde a última âncora).',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'Nível dos logs estruturados (pino).',
  },
  RITO_DATA_DIR: {
    schema: z.string().min(1).default(path.join(repoRoot, '.data')),
    description: 'Pasta dos dados locais de `rito dev` (PGlite, banco do Temporal dev server) e, sem RITO_FILES_DIR, dos arquivos enviados.',
  },
  RITO_CACHE_DIR: {
    schema: z.string().min(1).default(path.join(repoRoot, '.cache')),
    description: 'Pasta do cache: Temporal CLI compilado, servidor de testes do Temporal, pacote do código dos workflows (o worker o reaproveita ao reiniciar).',
  },
  RITO_FILES_DIR: {
    schema: z.string().min(1).optional(),
    description:
      'Pasta dos arquivos enviados (PDF, PNG, JPEG), guardados fora do banco e endereçados pelo SHA-256. Sem ela, RITO_DATA_DIR/arquivos. ' +
      'Com mais de uma instância da API, use um volume compartilhado por todas.',
  },
  RITO_FILES_MAX_BYTES: {
    schema: z.coerce
      .number({ error: 'use um número inteiro de bytes, por exemplo 20971520 (20 MiB)' })
      .int('use um número inteiro de bytes, por exemplo 20971520 (20 MiB)')
      .positive('deve ser maior que zero')
      .default(20 * 1024 * 1024),
    description: 'Tamanho máximo de um arquivo enviado, em bytes (padrão: 20 MiB). Maior que isso, o envio é recusado com 413.',
  },
  CHROMIUM_PATH: {
    schema: z.string().min(1).default('/usr/bin/chromium'),
    description: 'Executável do Chromium que gera os PDFs dos documentos (o do Debian: `apt-get install chromium`). Sem ele, o PDF responde 503; o HTML continua disponível.',
  },
  EMBEDDED_PG_PORT: { schema: port.default(54329), description: 'Porta em que `rito dev` serve o PGlite pelo protocolo do PostgreSQL.' },
  TEMPORAL_DEV_PORT: { schema: port.default(7233), description: 'Porta do Temporal dev server iniciado por `rito dev`.' },
  TEMPORAL_UI_PORT: { schema: port.default(8233), description: 'Porta da interface web do Temporal dev server.' },
  RITO_URL_PUBLICA: {
    schema: z.url({ protocol: /^https?$/ }).optional(),
    description: 'Endereço público do rito (https://…), usado nos links enviados por e-mail. Sem ele, http://HOST:PORT.',
  },
  SMTP_HOST: {
    schema: z.string().min(1).optional(),
    description: 'Servidor SMTP para e-mails (redefinição de senha, convites). Sem ele, cada mensagem fica num arquivo .eml em RITO_DATA_DIR/correio (a caixa de desenvolvimento), e o log diz só onde.',
  },
  SMTP_PORT: { schema: port.default(587), description: 'Porta do servidor SMTP (587 com STARTTLS, 465 com TLS direto).' },
  SMTP_SECURE: {
    schema: z.enum(['true', 'false'], { error: 'use true ou false' }).default('false').transform((v) => v === 'true'),
    description: 'true para TLS direto (porta 465); false para STARTTLS quando o servidor oferecer.',
  },
  SMTP_USER: { schema: z.string().min(1).optional(), description: 'Usuário para autenticar no servidor SMTP, se exigido.' },
  SMTP_PASSWORD: { schema: z.string().min(1).optional(), description: 'Senha do usuário SMTP.' },
  SMTP_FROM: {
    schema: z.string().min(3).default('rito <nao-responda@localhost>'),
    description: 'Remetente dos e-mails, por exemplo "Inspeção Escolar <nao-responda@educacao.rj.gov.br>".',
  },
} as const;

type Settings = typeof SETTINGS;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; mensagem: string }[]) {
    super(
      'Configuração inválida:\n' + problems.map((p) => `  - ${p.variable}: ${p.mensagem}`).join('\n'),
    );
  }
}

/** Reads and validates the environment; throws ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const shape = Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.schema]));
  const raw = Object.fromEntries(
    Object.keys(SETTINGS).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const result = z.object(shape).safeParse(raw, { reportInput: false });
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({
        variable: String(i.path[0]),
        mensagem: i.message,
      })),
    );
  }
  return result.data as Config;
}

/**
 * One setting, read and validated alone, with its default: for code that needs
 * a single value (the files directory, the Chromium path) and must not fail on
 * an unrelated wrong variable. Throws ConfigError naming the variable.
 */
export function readSetting<K extends keyof Settings>(key: K, env: NodeJS.ProcessEnv = process.env): Config[K] {
  const raw = env[key] === '' ? undefined : env[key];
  const result = SETTINGS[key].schema.safeParse(raw, { reportInput: false });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: key, mensagem: i.message })));
  }
  return result.data as Config[K];
}

/** Settings that name a remote dependency must be set outside `rito dev`. */
export function requireSetting<K extends keyof Config>(config: Config, key: K, why: string): NonNullable<Config[K]> {
  const value = config[key];
  if (value === undefined || value === null) {
    throw new ConfigError([{ variable: key, mensagem: `obrigatória ${why}` }]);
  }
  return value as NonNullable<Config[K]>;
}

/** The address the links in e-mails carry (the API's and the worker's): RITO_URL_PUBLICA, or http://HOST:PORT. */
export function urlPublicaDaConfiguracao(config: Config): string {
  return config.RITO_URL_PUBLICA ?? `http://${config.HOST}:${config.PORT}`;
}
