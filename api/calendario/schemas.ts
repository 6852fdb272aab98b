import { z } from 'zod';
import { ANO_MAXIMO, ANO_MINIMO, CODIGO_IBGE_UF, ErroEntrada, lerData, UFS } from '../../rules/calendario';
import { escopoDecretadoSchema, naoUtilSchema } from '../schemas';

const texto = (campo: string, min: number, max: number) =>
  z
    .string({ error: `${campo} é obrigatório` })
    .trim()
    .min(min, min > 1 ? `${campo} deve ter ao menos ${min} caracteres` : `${campo} é obrigatório`)
    .max(max, `${campo} deve ter no máximo ${max} caracteres`);

/** Checks a civil date as the engine reads it (a date that exists, in the calendar's years). */
function conferirData(valor: string, ctx: z.RefinementCtx, path: string[]): void {
  try {
    const ano = Number(valor.slice(0, 4));
    lerData(valor, path.join('.'));
    if (ano < ANO_MINIMO || ano > ANO_MAXIMO) ctx.addIssue({ code: 'custom', path, message: `informe uma data entre ${ANO_MINIMO} e ${ANO_MAXIMO}` });
  } catch (e) {
    ctx.addIssue({ code: 'custom', path, message: e instanceof ErroEntrada ? e.detalhe : 'data inválida' });
  }
}

const PREFIXOS_IBGE = new Set(Object.values(CODIGO_IBGE_UF));

/**
 * A decreed day to record. Each scope takes exactly the field that says where
 * it applies (uf for "uf", municipio for "municipio", unidade for "unidade";
 * none for "nacional"), so that the same day and place is always the same key.
 */
export const novoDecretadoSchema = z
  .object({
    data: z.string({ error: 'data é obrigatória' }).describe('Dia sem expediente (AAAA-MM-DD)'),
    escopo: escopoDecretadoSchema.describe('nacional: vale em todo lugar; uf: na UF; municipio: no município (IBGE); unidade: na unidade (COOIE)'),
    uf: z.string().trim().optional().describe('Com escopo "uf": a sigla da UF'),
    municipio: z.string().trim().optional().describe('Com escopo "municipio": o código IBGE (7 dígitos)'),
    unidade: z.string().trim().max(120, 'unidade deve ter no máximo 120 caracteres').optional().describe('Com escopo "unidade": a unidade, como nos processos (ex.: "METROPOLITANA I")'),
    motivo: texto('motivo', 3, 300).describe('Ex.: "Ponto facultativo — Carnaval", "Ponto facultativo até as 14h — Véspera de Natal"'),
    atoLegal: texto('atoLegal', 3, 300).describe('Ato que decretou o dia, ex.: "Decreto Estadual 49.999/2026"'),
    tipo: z
      .enum(['sem-expediente', 'expediente-parcial'], { error: 'tipo deve ser sem-expediente ou expediente-parcial' })
      .default('sem-expediente')
      .describe(
        'sem-expediente: o dia não é útil; expediente-parcial: expediente reduzido (ponto facultativo "até as 14h", "a partir das 12h"; diga o horário no motivo): ' +
          'conta no meio do prazo, mas nenhum prazo começa nem vence nele (Lei 9.784/1999, art. 66, § 1º; CPC, art. 224, § 1º)',
      ),
  })
  .superRefine((d, ctx) => {
    conferirData(d.data, ctx, ['data']);
    const campos = { uf: d.uf, municipio: d.municipio, unidade: d.unidade } as const;
    for (const [campo, valor] of Object.entries(campos)) {
      if (campo !== d.escopo && valor !== undefined && valor !== '') {
        ctx.addIssue({ code: 'custom', path: [campo], message: `escopo "${d.escopo}" não leva ${campo}; informe ${d.escopo === 'nacional' ? 'só data, escopo, motivo e atoLegal' : `só ${d.escopo}`}` });
      }
    }
    if (d.escopo === 'uf' && !(d.uf && (UFS as readonly string[]).includes(d.uf.toUpperCase()))) {
      ctx.addIssue({ code: 'custom', path: ['uf'], message: `escopo "uf" exige a sigla da UF${d.uf ? ` ("${d.uf}" não é uma UF)` : ''}` });
    }
    if (d.escopo === 'municipio' && !(d.municipio && /^\d{7}$/.test(d.municipio) && PREFIXOS_IBGE.has(d.municipio.slice(0, 2)))) {
      ctx.addIssue({ code: 'custom', path: ['municipio'], message: 'escopo "municipio" exige o código IBGE do município (7 dígitos, ex.: 3304557)' });
    }
    if (d.escopo === 'unidade' && !d.unidade) {
      ctx.addIssue({ code: 'custom', path: ['unidade'], message: 'escopo "unidade" exige a unidade (ex.: "METROPOLITANA I")' });
    }
  })
  .transform((d) => ({
    data: d.data,
    escopo: d.escopo,
    uf: d.escopo === 'uf' ? d.uf!.toUpperCase() : null,
    municipio: d.escopo === 'municipio' ? d.municipio! : null,
    unidade: d.escopo === 'unidade' ? d.unidade! : null,
    motivo: d.motivo,
    atoLegal: d.atoLegal,
    tipo: d.tipo,
  }))
  .meta({
    id: 'NovoDiaDecretado',
    example: { data: '2026-12-24', escopo: 'uf', uf: 'RJ', motivo: 'Ponto facultativo — Véspera de Natal', atoLegal: 'Decreto Estadual 50.000/2026' },
  });

export type NovoDecretado = z.output<typeof novoDecretadoSchema>;

export const diaDecretadoSchema = z
  .object({
    id: z.string(),
    data: z.string(),
    escopo: escopoDecretadoSchema,
    uf: z.string().nullable(),
    municipio: z.string().nullable(),
    unidade: z.string().nullable(),
    motivo: z.string(),
    atoLegal: z.string(),
    tipo: z.enum(['sem-expediente', 'expediente-parcial']),
    criadoPor: z.string(),
    criadoEm: z.string(),
    removidoPor: z.string().nullable(),
    removidoEm: z.string().nullable().describe('Preenchido quando o dia foi removido (a remoção é lógica: o histórico fica)'),
  })
  .meta({
    id: 'DiaDecretado',
    example: {
      id: '12',
      data: '2026-12-24',
      escopo: 'uf',
      uf: 'RJ',
      municipio: null,
      unidade: null,
      motivo: 'Ponto facultativo — Véspera de Natal',
      atoLegal: 'Decreto Estadual 50.000/2026',
      tipo: 'sem-expediente',
      criadoPor: 'usr_…',
      criadoEm: '2026-12-01T13:00:00.000Z',
      removidoPor: null,
      removidoEm: null,
    },
  });

const notificacao = {
  processosNotificados: z.number().describe('Quantos processos com prazo aberto afetado pelo dia receberam o aviso e recalculam o prazo'),
  processos: z.array(z.string()).describe('Os processos avisados'),
  naoNotificados: z
    .array(z.object({ processoId: z.string(), motivo: z.string() }))
    .describe('Processos que não puderam ser avisados (por exemplo, já encerrados); repetir a requisição tenta de novo'),
};

export const inclusaoSchema = z
  .object({ diaDecretado: diaDecretadoSchema, criado: z.boolean().describe('false: o mesmo dia e escopo já estava cadastrado (200)'), ...notificacao })
  .meta({ id: 'InclusaoDiaDecretado' });

export const remocaoSchema = z
  .object({ diaDecretado: diaDecretadoSchema, removido: z.boolean().describe('false: o dia já estava removido'), ...notificacao })
  .meta({ id: 'RemocaoDiaDecretado' });

const dataQuery = (campo: string) =>
  z
    .string()
    .superRefine((v, ctx) => conferirData(v, ctx, []))
    .optional()
    .describe(`${campo} (AAAA-MM-DD, inclusive)`);

export const listagemDecretadosQuerySchema = z.object({
  de: dataQuery('A partir de'),
  ate: dataQuery('Até'),
  uf: z.string().optional().describe('Só os dias que valem no local: nacionais, da UF, do município e da unidade informados'),
  municipio: z.string().optional(),
  unidade: z.string().optional(),
  escopo: escopoDecretadoSchema.optional(),
  incluirRemovidos: z
    .enum(['true', 'false'], { error: 'incluirRemovidos deve ser true ou false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('true: inclui os dias removidos (histórico)'),
});

export const listagemDecretadosSchema = z.object({ itens: z.array(diaDecretadoSchema) }).meta({ id: 'ListaDiasDecretados' });

export const consultaDecretadoQuerySchema = z.object({
  incluirRemovidos: z
    .enum(['true', 'false'], { error: 'incluirRemovidos deve ser true ou false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('true: devolve também um dia removido (registro histórico, com removidoEm e removidoPor) em vez de 410'),
});

export const idDecretadoSchema = z.object({ id: z.string().regex(/^\d{1,18}$/, 'id de dia decretado é um número') });

// ------------------------------------------------------------ calendar of a year

export const calendarioQuerySchema = z.object({
  uf: z.string().default('RJ').describe('Sigla da UF (padrão RJ)'),
  municipio: z.string().optional().describe('Código IBGE do município (7 dígitos)'),
  unidade: z.string().optional().describe('Unidade, para dias decretados de escopo "unidade"'),
  finsDeSemana: z
    .enum(['true', 'false'], { error: 'finsDeSemana deve ser true ou false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('true: inclui sábados e domingos'),
});

export const calendarioAnoSchema = z
  .object({
    ano: z.number(),
    local: z.object({ uf: z.string(), municipio: z.string().optional(), unidade: z.string().optional() }),
    naoUteis: z.array(naoUtilSchema).describe('Dias não úteis de segunda a sexta (feriados e dias decretados), com o motivo'),
    restritos: z
      .array(z.object({ data: z.string(), motivo: z.string(), tipo: z.enum(['expediente-parcial', 'indisponibilidade']) }))
      .describe('Dias úteis em que nenhum prazo vence: expediente reduzido (em que nenhum começa, Lei 9.784/1999, art. 66, § 1º; CPC, art. 224, § 1º) e indisponibilidade do rito'),
    avisos: z.array(z.string()),
  })
  .meta({
    id: 'CalendarioAno',
    example: {
      ano: 2026,
      local: { uf: 'RJ', municipio: '3304557' },
      naoUteis: [
        { data: '2026-01-01', motivo: 'Feriado nacional — Confraternização Universal (Lei 662/1949, red. Lei 10.607/2002)' },
        { data: '2026-01-20', motivo: 'Feriado municipal (Rio de Janeiro/RJ) — Dia de São Sebastião (Lei Municipal 1.271/1988)' },
      ],
      restritos: [{ data: '2026-02-18', motivo: 'Ponto facultativo até as 12h — Quarta-feira de Cinzas (Decreto Estadual 50.000/2026)', tipo: 'expediente-parcial' }],
      avisos: [],
    },
  });
