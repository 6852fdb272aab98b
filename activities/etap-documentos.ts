/**
 * The edital of the ETAP's cadastramento (documentos/catalogo/etap.ts),
 * assembled from what the workflow sends and what the process knows, for the
 * rite engine's one document activity (activities/documentos-rito.ts).
 */
import { registrarMontador } from './documentos-rito';

registrarMontador('edital-cadastramento-etap', async (_p, pedido, fontes) => {
  const f = await fontes();
  const c = pedido.contexto as { membros: { nome: string; funcao: string; desde: string; substitui?: string }[] };
  return {
    unidade: f.siglas.coogie,
    dados: {
      ...f.coogie,
      processoSei: f.processoSei,
      autoridade: `A ${f.coogie.emissor.orgao.at(-1)!}`,
      instituicao: f.instituicaoComEndereco,
      membros: c.membros,
      signatario: f.assina,
    },
  };
});
