/**
 * Bodies and results of the prazo calculations. The bodies are the engine's own
 * inputs (rules/prazos/tipos.ts), so that an error's field path is the same
 * name the engine reports; zod checks types here and the engine checks meaning
 * (a date that does not exist, a UF, a município of another UF…), in pt-BR.
 * The results are exactly what `rito prazo … --json` prints.
 */
import { z } from 'zod';
import { escopoDecretadoSchema, naoUtilSchema } from '../schemas';

const dataCivil = (descricao: string) => z.string().describe(`${descricao} (AAAA-MM-DD, horário de Brasília)`);
const instante = (descricao: string) =>
  z.union([z.string(), z.number()]).describe(`${descricao}: ISO 8601 com fuso (ex.: 2026-09-08T23:59:59-03:00) ou milissegundos desde 1970 (UTC)`);
const dataOuInstante = (descricao: string) =>
  z.union([z.string(), z.number()]).describe(`${descricao}: data AAAA-MM-DD ou instante ISO 8601 com fuso (vale a data em Brasília)`);

export const localSchema = z
  .object({
    uf: z.string().default('RJ').describe('Sigla da UF (padrão RJ)'),
    municipio: z.string().optional().describe('Código IBGE do município (7 dígitos): seus feriados municipais contam'),
    unidade: z.string().optional().describe('Unidade (COOIE), para dias decretados de escopo "unidade"'),
  })
  .describe('Onde o ato acontece')
  .meta({ id: 'Local' });

export const diaDecretadoSimuladoSchema = z
  .object({
    data: dataCivil('Dia sem expediente'),
    escopo: escopoDecretadoSchema,
    uf: z.string().optional(),
    municipio: z.string().optional(),
    unidade: z.string().optional(),
    motivo: z.string(),
    atoLegal: z.string(),
    tipo: z
      .enum(['sem-expediente', 'expediente-parcial', 'indisponibilidade'], { error: 'tipo deve ser sem-expediente, expediente-parcial ou indisponibilidade' })
      .optional()
      .describe('Padrão sem-expediente; expediente-parcial: nem começa nem vence nele; indisponibilidade: não vence nele'),
  })
  .meta({ id: 'DiaDecretadoSimulado' });

const simulados = z
  .array(diaDecretadoSimuladoSchema)
  .max(1000)
  .optional()
  .describe('Dias decretados adicionais, para simular (somados aos cadastrados em /v1/calendario/decretados, que sempre contam)');

const dias = z.number().describe('Duração do prazo: inteiro de 1 a 3650');
const uteis = z.boolean().default(false).describe('true: dias úteis; false: dias corridos (regra 2)');

export const calculoSchema = z
  .object({
    ciencia: dataCivil('Data da ciência (ou da comunicação, com contarDe "primeiro-dia-util")'),
    dias,
    uteis,
    contarDe: z
      .enum(['dia-seguinte', 'primeiro-dia-util'], { error: 'contarDe deve ser "dia-seguinte" ou "primeiro-dia-util"' })
      .default('dia-seguinte')
      .describe('"dia-seguinte": o dia da ciência não conta (regra 1); "primeiro-dia-util": a contar do primeiro dia útil seguinte à comunicação (regra 5)'),
    local: localSchema.default({ uf: 'RJ' }),
    diasDecretados: simulados,
  })
  .meta({ id: 'CalculoPrazo', example: { ciencia: '2026-09-02', dias: 5, local: { uf: 'RJ' } } });

export const prorrogacaoSchema = z
  .object({
    vencimento: dataCivil('Último dia atual do prazo'),
    dias: dias.describe('Duração do prazo original: a prorrogação é por igual período'),
    uteis,
    prorrogavel: z.boolean().default(true).describe('false para prazo improrrogável (o pedido é recusado, com o motivo)'),
    jaProrrogado: z.boolean().default(false).describe('Se o prazo já foi prorrogado uma vez'),
    pedidoEm: instante('Quando a prorrogação foi pedida (deve ser até o limite atual)').optional(),
    local: localSchema.default({ uf: 'RJ' }),
    diasDecretados: simulados,
  })
  .meta({
    id: 'ProrrogacaoPrazo',
    example: { vencimento: '2026-09-22', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-09-20T10:00:00-03:00', local: { uf: 'RJ' } },
  });

export const cienciaSchema = z
  .object({
    envio: dataOuInstante('Envio da comunicação'),
    abertaEm: instante('Quando o destinatário abriu a comunicação (ciência expressa), se abriu').optional(),
    local: localSchema.default({ uf: 'RJ' }),
    diasDecretados: simulados,
  })
  .meta({ id: 'CienciaComunicacao', example: { envio: '2026-09-01', abertaEm: '2026-09-03T10:00:00-03:00', local: { uf: 'RJ' } } });

export const visitaSchema = z
  .object({
    aviso: dataOuInstante('Envio do aviso da visita'),
    antecedenciaDias: z.number().optional().describe('Antecedência mínima em dias corridos (padrão 5, seed 003)'),
    local: localSchema.default({ uf: 'RJ' }),
    diasDecretados: simulados,
  })
  .meta({ id: 'DataMinimaVisita', example: { aviso: '2026-09-02', local: { uf: 'RJ' } } });

export const tempestividadeSchema = z
  .object({
    vencimento: dataCivil('Último dia do prazo'),
    em: instante('Instante em que o ato foi recebido'),
    local: localSchema
      .optional()
      .describe('Opcional: com ele (ou com diasDecretados), avisa se o vencimento não é dia útil no local'),
    diasDecretados: simulados,
  })
  .meta({ id: 'Tempestividade', example: { vencimento: '2026-09-08', em: '2026-09-09T02:59:59Z' } });

// ------------------------------------------------------------ results

const explicado = {
  naoUteis: z.array(naoUtilSchema).describe('Cada dia não útil que a contagem atravessou, em ordem, com o motivo'),
  explicacao: z.array(z.string()).describe('Passo a passo da contagem, citando a regra aplicada'),
  avisos: z.array(z.string()).describe('Lacunas do calendário (UF ou município sem tabela conferida)'),
};
const comVencimento = {
  vencimento: z.string().describe('Último dia (AAAA-MM-DD), sempre dia útil'),
  limite: z.string().describe('23:59:59 do último dia, horário de Brasília (regra 4)'),
  limiteEpochMs: z.number(),
};

export const resultadoPrazoSchema = z
  .object({
    ciencia: z.string(),
    cienciaEfetiva: z.string().describe('A ciência considerada: o primeiro dia útil seguinte, se caiu em dia não útil (regra 7)'),
    inicio: z.string().describe('Dia 1 da contagem'),
    dias: z.number(),
    uteis: z.boolean(),
    contarDe: z.enum(['dia-seguinte', 'primeiro-dia-util']),
    vencimentoNominal: z.string().describe('Dia N da contagem, antes da regra 3'),
    ...comVencimento,
    ...explicado,
  })
  .meta({
    id: 'ResultadoPrazo',
    example: {
      ciencia: '2026-09-02',
      cienciaEfetiva: '2026-09-02',
      inicio: '2026-09-03',
      dias: 5,
      uteis: false,
      contarDe: 'dia-seguinte',
      vencimentoNominal: '2026-09-07',
      vencimento: '2026-09-08',
      limite: '2026-09-08T23:59:59-03:00',
      limiteEpochMs: 1788922799000,
      naoUteis: [
        { data: '2026-09-05', motivo: 'Sábado' },
        { data: '2026-09-06', motivo: 'Domingo' },
        { data: '2026-09-07', motivo: 'Feriado nacional — Independência do Brasil (Lei 662/1949, red. Lei 10.607/2002)' },
      ],
      explicacao: ['Ciência em qua 02/09/2026.', '…'],
      avisos: ['Município não informado: feriados municipais não considerados.'],
    },
  });

export const resultadoProrrogacaoSchema = z
  .discriminatedUnion('concedida', [
    z.object({
      concedida: z.literal(true),
      vencimentoAnterior: z.string(),
      vencimentoNominal: z.string(),
      dias: z.number(),
      uteis: z.boolean(),
      ...comVencimento,
      ...explicado,
    }),
    z.object({
      concedida: z.literal(false),
      motivo: z.string().describe('Por que a prorrogação foi recusada'),
      vencimentoAnterior: z.string(),
      dias: z.number(),
      uteis: z.boolean(),
      ...comVencimento,
      ...explicado,
    }),
  ])
  .describe('Uma prorrogação recusada é resposta (200, concedida: false, com o motivo), não erro')
  .meta({ id: 'ResultadoProrrogacao' });

export const resultadoCienciaSchema = z
  .object({
    envio: z.string(),
    ciencia: z.string().describe('Data da ciência (dia útil), de onde correm os prazos'),
    tacita: z.boolean(),
    dataTacita: z.string().describe('Envio + 10 dias corridos, no primeiro dia útil (regra 7)'),
    abertaEm: z.string().optional(),
    ...comVencimento,
    ...explicado,
  })
  .meta({ id: 'ResultadoCiencia' });

export const resultadoVisitaSchema = z
  .object({
    aviso: z.string(),
    antecedenciaDias: z.number(),
    data: z.string().describe('Primeira data possível da visita: ≥ aviso + antecedência, em dia útil (regra 8)'),
    dataNominal: z.string(),
    ...explicado,
  })
  .meta({ id: 'ResultadoVisita' });

export const resultadoTempestividadeSchema = z
  .object({
    tempestivo: z.boolean(),
    ...comVencimento,
    em: z.string().describe('O instante do ato em horário de Brasília'),
    emEpochMs: z.number(),
    segundosAposLimite: z.number().describe('≤ 0 quando tempestivo'),
    ...explicado,
  })
  .meta({ id: 'ResultadoTempestividade' });
