/**
 * The Certificado de Responsabilidade Técnica (CRT) of the Coordenador Técnico
 * of a Curso Técnico em Enfermagem and its especializações (seed 003, Fluxo
 * para o cadastramento ETAP, item 3: "emitido pelo COREN-RJ, nos termos do
 * artigo 29 da Deliberação CEE nº 378/2020. Será verificado se o Certificado de
 * Responsabilidade Técnica – CRT está na validade e se foi emitido em nome do
 * membro da ETAP que está sendo indicado"). Its hours are checked against the
 * Coordenador's in cobertura.ts (conferirHorarioCoordenadorTecnico).
 *
 * Pure and deterministic: safe to import from Temporal workflow code.
 */
import { z } from 'zod';
import { dataCivil, texto } from '../campos';
import { cpfSchema } from '../identificadores/schemas';
import { horarioSchema } from './cobertura';
import { normalizarArea } from './formacoes';

export const FONTE_CRT = 'Deliberação CEE nº 378/2020, art. 29';
export const EMISSOR_CRT = 'COREN-RJ';

export const crtSchema = z.strictObject({
  numero: texto(60),
  /** As printed: 'COREN-RJ'. */
  emissor: texto(60),
  /** The holder's name as printed on the CRT. */
  titular: texto(200),
  cpfTitular: cpfSchema.optional(),
  /** Last day of validity (inclusive). */
  validade: dataCivil,
  /** The hours the CRT states (checked against the Coordenador's in cobertura.ts). */
  horarios: z.array(horarioSchema).max(50).optional(),
});
export type Crt = z.output<typeof crtSchema>;

export interface ConferenciaCrt {
  readonly conforme: boolean;
  /** pt-BR, one line per finding. */
  readonly problemas: readonly string[];
  readonly explicacao: string;
}

const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const soDigitos = (s: string) => s.replace(/\D/g, '');

/**
 * Is the CRT issued by COREN-RJ, valid on `em` (validity day included) and in
 * the name of the member indicated? Where both CPFs are known they decide;
 * otherwise the names are compared without case, accents or punctuation.
 */
export function conferirCrt(crt: Crt, membro: { readonly nome: string; readonly cpf?: string }, em: string): ConferenciaCrt {
  const problemas: string[] = [];
  if (normalizarArea(crt.emissor) !== normalizarArea(EMISSOR_CRT)) problemas.push(`O CRT foi emitido por ${crt.emissor}, não pelo ${EMISSOR_CRT}.`);
  if (crt.validade < em) problemas.push(`O CRT nº ${crt.numero} venceu em ${fmt(crt.validade)} (conferência em ${fmt(em)}).`);
  if (crt.cpfTitular && membro.cpf) {
    if (soDigitos(crt.cpfTitular) !== soDigitos(membro.cpf)) problemas.push(`O CRT nº ${crt.numero} foi emitido para outro CPF, não o de ${membro.nome}.`);
  } else if (normalizarArea(crt.titular) !== normalizarArea(membro.nome)) {
    problemas.push(`O CRT nº ${crt.numero} está em nome de ${crt.titular}, não de ${membro.nome}.`);
  }
  const conforme = problemas.length === 0;
  return {
    conforme,
    problemas,
    explicacao: conforme
      ? `CRT nº ${crt.numero} do ${EMISSOR_CRT}, válido até ${fmt(crt.validade)}, em nome de ${membro.nome} (${FONTE_CRT}).`
      : `${problemas.join(' ')} (${FONTE_CRT})`,
  };
}
