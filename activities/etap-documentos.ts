/**
 * The edital of the ETAP's cadastramento (documentos/catalogo/etap.ts),
 * assembled from what the workflow sends and what the process knows, for the
 * rite engine's one document activity (activities/documentos-rito.ts).
 */
import { editalDaCoogie } from './documentos-fontes';
import { registrarMontador } from './documentos-rito';

registrarMontador('edital-cadastramento-etap', async (_p, pedido, fontes) => {
  const c = pedido.contexto as { membros: { nome: string; funcao: string; desde: string; substitui?: string }[] };
  return editalDaCoogie(await fontes(), { membros: c.membros });
});
