/**
 * The prazo for the exigências of the cadastramentos of seed 003 (ETAP,
 * Alteração na Composição da Entidade Mantenedora): "Restando alguma exigência,
 * o Representante Legal será informado, para cumprir com as exigências" — the
 * seed gives no number of days. Choice, one for all of them: the 20 days,
 * extendable once, the same guide gives for the exigências of the vistoria
 * (seed 003, Fluxo item 9) — the same COOIE, the same kind of documental
 * exigência — rather than the 5 days of Lei 9.784/1999 art. 24, too short to
 * obtain a diploma, a CRT or a registered alteração contratual. Counted from
 * the ciência, excluding its day (DOMAIN prazos rule 1).
 *
 * Pure data: safe in workflow code.
 */
import type { PrazoRito } from '../ritos/definicao';

/** The notice every cadastramento's exigências go by (documentos/catalogo/cadastros.ts). */
export const NOTIFICACAO_EXIGENCIAS_CADASTRO = 'notificacao-exigencias-cadastro';

export function prazoExigenciasCadastro<P extends string>(codigo: P, rotulo: string, fluxo: string): PrazoRito<P> {
  return {
    codigo,
    rotulo,
    dias: 20,
    uteis: false,
    contarDe: 'dia-seguinte',
    prorrogavel: true,
    improrrogavelExpresso: false,
    notificacao: NOTIFICACAO_EXIGENCIAS_CADASTRO,
    baseLegal: `Guia de Inspeção Escolar SEEDUC-RJ, ${fluxo}; prazo por analogia ao item 9 do Fluxo da vistoria`,
    fonte: 'Restando alguma exigência, o Representante Legal será informado, para cumprir com as exigências',
  };
}
