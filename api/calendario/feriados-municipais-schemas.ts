/**
 * The municipal holiday administrators record (JSON or a CSV line): a fixed day
 * (dia, DD/MM, as a servidor writes it) or days from Easter (pascoa), the act,
 * the validity and the source. The UF comes from the IBGE code.
 */
import { z } from 'zod';
import { diasNoMes } from '../../rules/calendario/datas';
import { ufPorCodigoIbge, validarCodigoIbge } from '../../rules/identificadores';
import type { NovoFeriadoMunicipal } from '../../db/feriados-municipais';
import type { UF } from '../../rules/calendario';

const texto = (campo: string, max: number) =>
  z
    .string({ error: `${campo} é obrigatório` })
    .trim()
    .min(1, `${campo} é obrigatório`)
    .max(max, `${campo} deve ter no máximo ${max} caracteres`);

const dataSchema = (campo: string) => z.iso.date({ error: `${campo}: use uma data AAAA-MM-DD` });

/** 'DD/MM' → 'MM-DD' (29/02 allowed: it counts in leap years). */
function diaMes(v: string, ctx: z.RefinementCtx): string {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(v.trim());
  const d = m ? Number(m[1]) : 0;
  const mes = m ? Number(m[2]) : 0;
  if (!m || mes < 1 || mes > 12 || d < 1 || d > diasNoMes(2024, mes)) {
    ctx.addIssue({ code: 'custom', message: `"${v}" não é um dia do ano no formato DD/MM (ex.: 20/01)` });
    return z.NEVER;
  }
  return `${String(mes).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const novoFeriadoMunicipalSchema = z
  .object({
    municipio: z
      .string({ error: 'municipio é obrigatório' })
      .trim()
      .superRefine((v, ctx) => {
        const r = validarCodigoIbge(v);
        if (!r.valido) ctx.addIssue({ code: 'custom', message: r.mensagem.replace('Código IBGE', 'código IBGE') });
      })
      .describe('Código IBGE do município (7 dígitos)'),
    municipioNome: texto('municipioNome', 120).describe('Nome do município, como os motivos o escrevem'),
    dia: z.string().trim().optional().transform((v, ctx) => (v ? diaMes(v, ctx) : undefined)).describe('Dia fixo, DD/MM (ex.: 20/01)'),
    pascoa: z.coerce
      .number({ error: 'pascoa deve ser um número inteiro de dias' })
      .int('pascoa deve ser um número inteiro de dias')
      .min(-70, 'pascoa: entre -70 e 70 dias da Páscoa')
      .max(70, 'pascoa: entre -70 e 70 dias da Páscoa')
      .optional()
      .describe('Ou: dias a partir do domingo de Páscoa (ex.: 60, Corpus Christi; -2, Sexta-feira da Paixão)'),
    nome: texto('nome', 200),
    atoLegal: texto('atoLegal', 300).describe('Lei ou decreto municipal que institui o feriado'),
    desde: dataSchema('desde').nullable().optional().describe('Primeiro dia em que vale (AAAA-MM-DD); vazio: desde sempre'),
    ate: dataSchema('ate').nullable().optional().describe('Último dia em que vale (AAAA-MM-DD), p.ex. quando a lei foi revogada; vazio: em vigor'),
    fonte: texto('fonte', 1000).describe('Onde o ato foi conferido'),
  })
  .superRefine((f, ctx) => {
    if ((f.dia === undefined) === (f.pascoa === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['dia'], message: 'informe o dia (DD/MM) ou, para um feriado móvel, pascoa (dias a partir da Páscoa), um dos dois' });
    }
    if (f.desde && f.ate && f.desde > f.ate) ctx.addIssue({ code: 'custom', path: ['ate'], message: 'ate deve ser igual ou posterior a desde' });
  })
  .transform(
    (f): NovoFeriadoMunicipal => ({
      municipio: f.municipio,
      municipioNome: f.municipioNome,
      uf: ufPorCodigoIbge(f.municipio.slice(0, 2)) as UF,
      dia: f.dia ?? null,
      pascoa: f.pascoa ?? null,
      nome: f.nome,
      atoLegal: f.atoLegal,
      desde: f.desde ?? null,
      ate: f.ate ?? null,
      fonte: f.fonte,
    }),
  )
  .meta({
    id: 'NovoFeriadoMunicipal',
    example: { municipio: '3303906', municipioNome: 'Petrópolis', dia: '19/10', nome: 'Feriado municipal', atoLegal: 'Lei Municipal 9.155/2025', desde: '2025-10-19', fonte: 'Diário Oficial do município' },
  });

export const alteracaoFeriadoMunicipalSchema = z
  .object({
    nome: texto('nome', 200).optional(),
    atoLegal: texto('atoLegal', 300).optional(),
    desde: dataSchema('desde').nullable().optional(),
    ate: dataSchema('ate').nullable().optional().describe('Último dia em que vale, p.ex. quando a lei foi revogada'),
    fonte: texto('fonte', 1000).optional(),
  })
  .meta({ id: 'AlteracaoFeriadoMunicipal' });

export const feriadoMunicipalSchema = z
  .object({
    id: z.string(),
    municipio: z.string(),
    municipioNome: z.string(),
    uf: z.string(),
    dia: z.string().nullable().describe('DD/MM'),
    pascoa: z.number().nullable(),
    nome: z.string(),
    atoLegal: z.string(),
    desde: z.string().nullable(),
    ate: z.string().nullable(),
    fonte: z.string(),
    criadoPor: z.string(),
    criadoEm: z.string(),
    atualizadoPor: z.string(),
    atualizadoEm: z.string(),
    removidoPor: z.string().nullable(),
    removidoEm: z.string().nullable(),
  })
  .meta({ id: 'FeriadoMunicipal' });

export const notificacaoSchema = {
  processosNotificados: z.number(),
  processos: z.array(z.string()),
  naoNotificados: z.array(z.object({ processoId: z.string(), motivo: z.string() })),
};

// ------------------------------------------------------------ CSV

/** The CSV columns, in the header's words (any order; ; or , separated; UTF-8). */
export const COLUNAS_CSV = ['municipio', 'municipio_nome', 'dia', 'pascoa', 'nome', 'ato_legal', 'desde', 'ate', 'fonte'] as const;
const CAMPO_DA_COLUNA: Record<string, string> = { municipio_nome: 'municipioNome', ato_legal: 'atoLegal' };

/**
 * Splits a CSV text into records (RFC 4180: fields in double quotes may hold
 * the separator, line breaks and doubled quotes). Written here rather than
 * taken from a library: one small, fixed format, no streaming.
 */
export function lerCsv(texto: string): string[][] {
  const t = texto.replace(/^\uFEFF/, '');
  const primeira = t.split(/\r?\n/, 1)[0] ?? '';
  const sep = (primeira.match(/;/g)?.length ?? 0) >= (primeira.match(/,/g)?.length ?? 0) ? ';' : ',';
  const linhas: string[][] = [];
  let campo = '';
  let linha: string[] = [];
  let aspas = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (aspas) {
      if (c === '"' && t[i + 1] === '"') (campo += '"'), i++;
      else if (c === '"') aspas = false;
      else campo += c;
    } else if (c === '"' && campo === '') aspas = true;
    else if (c === sep) linha.push(campo), (campo = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && t[i + 1] === '\n') i++;
      linha.push(campo);
      if (linha.some((x) => x.trim() !== '')) linhas.push(linha);
      linha = [];
      campo = '';
    } else campo += c;
  }
  linha.push(campo);
  if (linha.some((x) => x.trim() !== '')) linhas.push(linha);
  return linhas;
}

export interface ErroCsv {
  campo: string;
  mensagem: string;
}

/**
 * The holidays of a CSV file, all valid, or the errors of each line (a line
 * is numbered as in the file, the header being line 1).
 */
export function feriadosDoCsv(texto: string): { feriados: NovoFeriadoMunicipal[]; erros: ErroCsv[] } {
  const registros = lerCsv(texto);
  if (registros.length === 0) return { feriados: [], erros: [{ campo: 'csv', mensagem: 'o arquivo está vazio' }] };
  const cabecalho = registros[0].map((c) => c.trim().toLowerCase());
  const faltam = ['municipio', 'municipio_nome', 'nome', 'ato_legal', 'fonte'].filter((c) => !cabecalho.includes(c));
  const desconhecidas = cabecalho.filter((c) => !(COLUNAS_CSV as readonly string[]).includes(c));
  if (faltam.length || desconhecidas.length || !(cabecalho.includes('dia') || cabecalho.includes('pascoa'))) {
    return {
      feriados: [],
      erros: [
        {
          campo: 'csv.linha 1',
          mensagem: `cabeçalho inválido: as colunas são ${COLUNAS_CSV.join(';')} (dia ou pascoa)${faltam.length ? `; faltam ${faltam.join(', ')}` : ''}${desconhecidas.length ? `; desconhecidas: ${desconhecidas.join(', ')}` : ''}`,
        },
      ],
    };
  }
  const feriados: NovoFeriadoMunicipal[] = [];
  const erros: ErroCsv[] = [];
  registros.slice(1).forEach((valores, i) => {
    const n = i + 2;
    if (valores.length !== cabecalho.length) {
      erros.push({ campo: `csv.linha ${n}`, mensagem: `a linha tem ${valores.length} campos; o cabeçalho, ${cabecalho.length}` });
      return;
    }
    const bruto: Record<string, string> = {};
    cabecalho.forEach((c, j) => {
      const v = valores[j].trim();
      if (v !== '') bruto[CAMPO_DA_COLUNA[c] ?? c] = v;
    });
    const r = novoFeriadoMunicipalSchema.safeParse(bruto);
    if (r.success) feriados.push(r.data);
    else for (const issue of r.error.issues) erros.push({ campo: `csv.linha ${n}.${issue.path.join('.') || 'linha'}`, mensagem: issue.message });
  });
  return { feriados, erros };
}
