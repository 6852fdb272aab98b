/**
 * Every path of the vistoria rite on the time-skipping server, with real
 * activities on PostgreSQL. Scenarios run in calendar order (the server's clock
 * only moves forward), in 2035, with prazo limits derived by hand from the law
 * and the 2035 calendar of Rio de Janeiro:
 *   national holidays 01/01, 23/03 (Paixão), 01/05, 07/09, 12/10, 02/11, 15/11, 20/11, 25/12;
 *   RJ: 06/02 (Carnaval, Lei 5.243/2008), 23/04 (São Jorge).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarioAlteradoSignal } from '../../workflows/prazos/definitions';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import {
  brt,
  comissao,
  coogie,
  exigenciaDocumental,
  exigenciaFisica,
  criarContas,
  fundamentacao,
  indeferimento,
  inspetor,
  membroCoogie,
  membros,
  Processo,
  representante,
  termoVisita, checklistForma } from './support';

let w: WorkflowTestEnv;
beforeAll(async () => {
  w = await startWorkflowEnv();
  await criarContas(w.db);
});
afterAll(async () => {
  await w?.stop();
});

describe('rito de vistoria', () => {
  it('defers directly: análise de forma, Ordem de Serviço, visita sem exigências, deferimento, edital', async () => {
    const p = await Processo.abrir(w, brt('2035-03-05T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2035-03-05T10:00:00');
    await p.agir('aprovar-forma', inspetor, { checklist: checklistForma(p.tipo) }, '2035-03-05T10:01:00');
    expect((await p.estado()).tarefa).toMatchObject({ fase: 'ordem-servico', responsavel: 'cooie', situacao: 'aberta' });

    // A Comissão must have exactly three servidores.
    expect(await p.recusa('publicar-ordem-servico', inspetor, { publicacao: { data: '2035-03-05', pagina: 3 }, comissao: membros.slice(0, 2) })).toMatch(/3/);
    await p.agir('publicar-ordem-servico', inspetor, { publicacao: { data: '2035-03-05', pagina: 3 }, comissao: membros }, '2035-03-05T10:02:00');

    // Only the designated Comissão acts, with ≥ 5 days notice, on a business day.
    expect(await p.recusa('agendar-visita', { ...comissao, id: 'outro' }, { data: '2035-03-12' })).toMatch(/não integra a Comissão/);
    expect(await p.recusa('agendar-visita', comissao, { data: '2035-03-09' }, '2035-03-05T10:03:00')).toMatch(/5 dias de antecedência.*2035-03-12/);
    expect(await p.recusa('agendar-visita', comissao, { data: '2035-03-17' }, '2035-03-05T10:03:00')).toMatch(/dia útil.*Sábado/);
    await p.agir('agendar-visita', comissao, { data: '2035-03-12' }, '2035-03-05T10:03:00');

    expect(await p.recusa('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-03-06') }, '2035-03-12T15:00:00')).toMatch(/agendada para 2035-03-12/);
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-03-12') }, '2035-03-12T15:00:00');
    expect(await p.recusa('publicar-edital', coogie, { publicacao: { data: '2035-03-20', pagina: 9 }, objeto: { tipoVistoria: 'apostilamento-endereco', enderecoApostilado: { logradouro: 'Rua São Clemente, 102', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' } } })).toMatch(/não é admitida/);
    const deferido = await p.agir('deferir', comissao, { fundamentacao }, '2035-03-13T10:00:00');
    expect(deferido.fase).toBe('encaminhado-coogie');
    const edital = await p.agir('publicar-edital', coogie, { publicacao: { data: '2035-03-20', pagina: 9 }, objeto: { tipoVistoria: 'apostilamento-endereco', enderecoApostilado: { logradouro: 'Rua São Clemente, 102', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' } } }, '2035-03-20T10:00:00');
    expect(edital.fase).toBe('edital-publicado');

    const fim = await p.resultado();
    expect(fim).toMatchObject({ fase: 'edital-publicado', encerrado: true, numeroSei: p.numeroSei });
    expect(await p.documentos()).toEqual(['ordem-servico', 'agendamento-visita', 'termo-visita', 'pronunciamento', 'edital-cadastramento']);
    // No broken sentence in the agendamento (issue 10, ofícios): the channel reads as part of the sentence.
    const agendamento = await w.db.selectFrom('documento').select('html').where('processo_id', '=', p.id).where('tipo', '=', 'agendamento-visita').executeTakeFirstOrThrow();
    expect(agendamento.html).toContain(`com a devida justificativa, por meio de manifestação no Processo SEI nº ${p.numeroSei}.`);
    const row = await w.db.selectFrom('processo').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ fase: 'edital-publicado', encerrado: true, numero_sei: p.numeroSei });
  });

  it('expires unmet exigências de mérito, grants one prorrogação and refuses a second, then sends the indeferimento to art. 49', async () => {
    const p = await Processo.abrir(w, brt('2035-04-02T09:00:00'));
    await p.ateVisita('2035-04-02', '2035-04-09');
    await w.saltarAte(brt('2035-04-09T15:00:00'));
    const exig = await p.agir('registrar-exigencias-merito', comissao, { termoVisita: termoVisita('2035-04-09'), exigencias: [exigenciaFisica] }, '2035-04-09T15:00:00');
    expect(exig.fase).toBe('exigencias-merito');
    expect(exig.documentos.map((d) => d.tipo)).toEqual(['termo-visita', 'notificacao-exigencias']);

    // The representante signed the Termo at the visit: ciência Mon 09/04 (issue 10 item 8).
    // 20 dias corridos: day 1 Tue 10/04, day 20 Sun 29/04 → Mon 30/04 (rito prazo calcular).
    await p.esperarPrazo('2035-04-30T23:59:59-03:00');
    const e1 = await p.estado();
    expect(e1.notificacao).toMatchObject({ ciencia: '2035-04-09', tacita: false });

    // Prorrogação por igual período from the vencimento: 20 more days → Sun 20/05 → Mon 21/05.
    const prorrogado = await p.agir('prorrogar-prazo', representante, {}, '2035-04-25T10:00:00');
    expect(prorrogado.prazo).toEqual({ vencimento: '2035-05-21', limite: '2035-05-21T23:59:59-03:00' });
    expect(await p.recusa('prorrogar-prazo', representante, {}, '2035-04-26T10:00:00')).toMatch(/já foi prorrogado|uma única vez|já prorrogado/i);
    expect(await p.recusa('prorrogar-prazo', representante, {}, '2035-05-20T10:00:00')).toMatch(/já foi prorrogado|uma única vez|já prorrogado/i);

    // The prazo ends at 00:00:00 of Tue 22/05: the workflow moves to the Comissão's Pronunciamento on its own.
    await w.saltarAte(brt('2035-05-30T08:00:00'));
    await p.esperarFase('pronunciamento');
    const prazoRow = await w.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', p.id).executeTakeFirstOrThrow();
    expect(prazoRow).toMatchObject({ codigo: 'exigencias-merito', situacao: 'expirado', prorrogado: true, vencimento: '2035-05-21' });
    expect(new Date(prazoRow.limite).toISOString()).toBe('2035-05-22T02:59:59.000Z');
    expect((await p.estado()).tarefa).toMatchObject({ fase: 'pronunciamento', responsavel: 'comissao' });

    const indeferido = await p.agir('indeferir', comissao, indeferimento, '2035-05-30T10:00:00');
    expect(indeferido.fase).toBe('indeferido');
    await p.agir('tomar-ciencia', representante, {}, '2035-05-30T10:30:00');
    // 20 dias a contar do primeiro dia útil seguinte à comunicação (Wed 30/05): day 1 Thu 31/05, day 20 Tue 19/06.
    await p.esperarPrazo('2035-06-19T23:59:59-03:00');

    await w.saltarAte(brt('2035-06-20T00:00:05'));
    await p.esperarFase('art-49');
    const fim = await p.resultado();
    expect(fim.fase).toBe('art-49');
    expect(await p.documentos()).toEqual([
      'ordem-servico', 'agendamento-visita', 'termo-visita', 'notificacao-exigencias', 'pronunciamento', 'notificacao-indeferimento', 'encaminhamento-cee',
    ]);
  });

  it('gives a reconsideração asked after its limit a compulsory indeferimento', async () => {
    const p = await Processo.abrir(w, brt('2035-07-02T09:00:00'));
    await p.ateVisita('2035-07-02', '2035-07-09');
    await w.saltarAte(brt('2035-07-09T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-07-09') }, '2035-07-09T15:00:00');
    await p.agir('indeferir', comissao, indeferimento, '2035-07-10T10:00:00');
    await p.agir('tomar-ciencia', representante, {}, '2035-07-10T11:00:00');
    // Comunicação Tue 10/07: day 1 Wed 11/07, day 20 Mon 30/07.
    await p.esperarPrazo('2035-07-30T23:59:59-03:00');
    const r = await p.agir('pedir-reconsideracao', representante, { fundamentacao, arquivos: [] }, '2035-07-31T00:00:00');
    expect(r.fase).toBe('art-49');
    expect(r.mensagem).toMatch(/extemporâneo.*indeferimento compulsório/);
    expect(r.documentos.map((d) => d.tipo)).toEqual(['encaminhamento-cee']);
    const doc = await w.db.selectFrom('documento').select(['html', 'identificacao']).where('id', '=', r.documentos[0].id).executeTakeFirstOrThrow();
    // Numbered under the unit's sigla as data (table unidade), one word as the Padrão Ofício writes it.
    expect(doc.identificacao).toMatch(/^Ofício nº \d+\/2035\/COOIE-METROPOLITANAI$/);
    expect(doc.html).toMatch(/extemporâneo/);
    await p.resultado();
  });

  it('reconsiders at level 1 (documental): the Comissão defers after a timely request', async () => {
    const p = await Processo.abrir(w, brt('2035-08-01T09:00:00'));
    await p.ateVisita('2035-08-01', '2035-08-08');
    await w.saltarAte(brt('2035-08-08T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-08-08') }, '2035-08-08T15:00:00');
    // Only a documental exigência unmet: the Comissão may reconsider without a new visit.
    await p.agir('indeferir', comissao, { fundamentacao, exigenciasNaoAtendidas: [exigenciaDocumental] }, '2035-08-09T10:00:00');
    await p.agir('tomar-ciencia', representante, {}, '2035-08-09T11:00:00');
    // Comunicação Thu 09/08: day 1 Fri 10/08, day 20 Wed 29/08; asked on the last second.
    await p.esperarPrazo('2035-08-29T23:59:59-03:00');
    const pedido = await p.agir('pedir-reconsideracao', representante, { fundamentacao, arquivos: [] }, '2035-08-29T23:59:59');
    expect(pedido.fase).toBe('reconsideracao-comissao');
    const r = await p.agir('reconsiderar', comissao, { fundamentacao }, '2035-08-30T10:00:00');
    expect(r.fase).toBe('encaminhado-coogie');
    expect(r.documentos.map((d) => d.tipo)).toEqual(['pronunciamento']);
  });

  it('reconsiders at level 2 (documental): Estudo Técnico, 10 dias úteis, COOGIE defers, Comissão defers without a new visit', async () => {
    const p = await Processo.abrir(w, brt('2035-09-03T09:00:00'));
    await p.ateVisita('2035-09-03', '2035-09-10');
    await w.saltarAte(brt('2035-09-10T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-09-10') }, '2035-09-10T15:00:00');
    await p.agir('indeferir', comissao, indeferimento, '2035-09-11T10:00:00');
    await p.agir('pedir-reconsideracao', representante, { fundamentacao, arquivos: [] }, '2035-09-11T12:00:00');
    await p.agir('ratificar-indeferimento', comissao, indeferimento, '2035-09-12T10:00:00');
    const estudo = await p.agir('emitir-estudo-tecnico', coogie, { exigencias: [exigenciaDocumental], analise: 'Estudo Técnico: a exigência documental permanece não atendida.' }, '2035-09-13T10:00:00');
    expect(estudo.fase).toBe('estudo-tecnico');
    // Each document in the series of the unit that issues it (issue 10 item 13): the COOGIE's notice under a COOGIE number.
    expect(estudo.documentos.map((d) => d.identificacao)).toEqual([
      expect.stringMatching(/^Estudo Técnico nº \d+\/2035\/COOGIE$/),
      expect.stringMatching(/^Ofício nº \d+\/2035\/COOGIE$/),
    ]);
    await p.agir('tomar-ciencia', representante, {}, '2035-09-13T11:00:00');
    // Ciência Thu 13/09; 10 dias úteis: 14,17,18,19,20,21,24,25,26,27 → Thu 27/09.
    await p.esperarPrazo('2035-09-27T23:59:59-03:00');
    await p.agir('responder-estudo-tecnico', representante, { resposta: 'Segue o laudo abrangendo o imóvel anexado.', arquivos: [] }, '2035-09-20T10:00:00');
    const deferida = await p.agir('deferir-reconsideracao', coogie, { fundamentacao }, '2035-09-21T10:00:00');
    expect(deferida.fase).toBe('retorno-comissao');
    // The COOGIE decides by its own Pronunciamento, in its series (seed 003, COOGIE I; issue 10 item 7).
    expect(deferida.documentos.map((d) => [d.tipo, d.identificacao])).toEqual([
      ['pronunciamento-coogie', expect.stringMatching(/^Pronunciamento nº \d+\/2035\/COOGIE$/)],
    ]);
    const doc = await w.db.selectFrom('documento').select(['html']).where('id', '=', deferida.documentos[0]!.id).executeTakeFirstOrThrow();
    expect(doc.html).toMatch(/DEFERE o pedido de reconsideração e restitui o processo à Comissão de Vistoria da Coordenadoria Regional de Inspeção Escolar Metropolitana I/);
    const r = await p.agir('deferir', comissao, { fundamentacao }, '2035-09-24T10:00:00');
    expect(r.fase).toBe('encaminhado-coogie');
  });

  it('reconsiders at level 2 (física): a new visit with ≥ 5 days notice comes before the new Pronunciamento', async () => {
    const p = await Processo.abrir(w, brt('2035-10-01T09:00:00'));
    await p.ateVisita('2035-10-01', '2035-10-08');
    await w.saltarAte(brt('2035-10-08T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-10-08') }, '2035-10-08T15:00:00');
    await p.agir('indeferir', comissao, indeferimento, '2035-10-09T10:00:00');
    await p.agir('pedir-reconsideracao', representante, { fundamentacao, arquivos: [] }, '2035-10-09T12:00:00');
    await p.agir('ratificar-indeferimento', comissao, indeferimento, '2035-10-10T10:00:00');
    await p.agir('emitir-estudo-tecnico', coogie, { exigencias: [exigenciaFisica], analise: 'Estudo Técnico: exigência física a verificar in loco.' }, '2035-10-10T11:00:00');
    await p.agir('responder-estudo-tecnico', representante, { resposta: 'Corrimão instalado; seguem fotografias.', arquivos: [] }, '2035-10-10T15:00:00');
    // The COOGIE names a Comissão of its own (one servidor: the seed sets no size), beside the regional one (issue 10 item 6).
    const os = await p.agir('designar-comissao-verificacao', coogie, { comissao: [membroCoogie] }, '2035-10-11T09:00:00');
    expect(os.documentos.map((d) => d.identificacao)).toEqual([expect.stringMatching(/^Ordem de Serviço nº \d+\/2035\/COOGIE$/)]);
    const designados = await w.db.selectFrom('designacao_comissao').select('usuario_id').where('processo_id', '=', p.id).where('fim', 'is', null).execute();
    expect(designados.map((d) => d.usuario_id).sort()).toEqual([...membros.map((m) => m.usuarioId), membroCoogie.usuarioId].sort());
    expect((await p.estado()).comissao).toEqual(membros);
    await p.agir('deferir-reconsideracao', coogie, { fundamentacao }, '2035-10-11T10:00:00');
    expect(await p.recusa('deferir', comissao, { fundamentacao }, '2035-10-11T11:00:00')).toMatch(/exigências físicas.*nova visita/);
    // Notice on Thu 11/10: 16/10 is the earliest (11+5); Fri 12/10 holiday is irrelevant to it.
    expect(await p.recusa('agendar-visita', comissao, { data: '2035-10-15' }, '2035-10-11T11:00:00')).toMatch(/2035-10-16/);
    await p.agir('agendar-visita', comissao, { data: '2035-10-16' }, '2035-10-11T11:00:00');
    // Every visit has its Termo (issue 10 item 3): no Pronunciamento on the new visit without it.
    await w.saltarAte(brt('2035-10-16T15:00:00'));
    expect(await p.recusa('deferir', comissao, { fundamentacao }, '2035-10-16T15:00:00')).toMatch(/Termo de Visita da nova verificação/);
    const termo = await p.agir('registrar-termo-visita', comissao, { termoVisita: termoVisita('2035-10-16') }, '2035-10-16T15:00:00');
    expect(termo).toMatchObject({ fase: 'visita-retorno', documentos: [{ tipo: 'termo-visita' }] });
    const r = await p.agir('deferir', comissao, { fundamentacao }, '2035-10-16T16:00:00');
    expect(r.fase).toBe('encaminhado-coogie');
  });

  it('re-times a running 10-dias prazo when a decreed day is added on its last day, and accepts the act at 23:59:59 of the new last day', async () => {
    const p = await Processo.abrir(w, brt('2035-11-05T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2035-11-05T10:00:00');
    await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, '2035-11-05T10:00:00');
    await p.agir('tomar-ciencia', representante, {}, '2035-11-05T10:05:00');
    // Ciência Mon 05/11; 10 dias → Thu 15/11, a national holiday → Fri 16/11.
    await p.esperarPrazo('2035-11-16T23:59:59-03:00');
    expect(await p.recusa('prorrogar-prazo', representante, {}, '2035-11-06T10:00:00')).toMatch(/improrrogável/);

    await w.db
      .insertInto('dia_decretado')
      .values({ data: '2035-11-16', escopo: 'uf', uf: 'RJ', motivo: 'Ponto facultativo', ato_legal: 'Decreto Estadual nº 99.999/2035', criado_por: 'sup-1' })
      .execute();
    await p.handle.signal(calendarioAlteradoSignal, { data: '2035-11-16', operacao: 'incluido', motivo: 'Ponto facultativo' });
    // Fri 16/11 decreed, 17–18 weekend → Mon 19/11.
    await p.esperarPrazo('2035-11-19T23:59:59-03:00');
    const linha = await w.db.selectFrom('processo_evento').select(['descricao']).where('processo_id', '=', p.id).where('tipo', '=', 'prazo').execute();
    expect(linha.map((l) => l.descricao)).toContainEqual(expect.stringMatching(/2035-11-16 incluído como dia sem expediente/));
    const row = await w.db.selectFrom('processo').select(['prazo_limite']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.prazo_limite?.toISOString()).toBe('2035-11-20T02:59:59.000Z');

    await w.saltarAte(brt('2035-11-19T23:59:00'));
    expect(await p.recusa('cumprir-exigencias', representante, { resposta: 'Segue o laudo.', arquivos: [] }, '2035-11-20T00:00:00')).toMatch(/Prazo encerrado/);
    const r = await p.agir('cumprir-exigencias', representante, { resposta: 'Segue o laudo.', arquivos: [] }, '2035-11-19T23:59:59');
    expect(r.fase).toBe('reanalise-forma');
  });

  it('on an unanswered Estudo Técnico the COOGIE indefere by its own Pronunciamento (COOGIE series, its signer), then the CEE appeal', async () => {
    const p = await Processo.abrir(w, brt('2035-12-03T09:00:00'));
    await p.ateVisita('2035-12-03', '2035-12-10');
    await w.saltarAte(brt('2035-12-10T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-12-10') }, '2035-12-10T15:00:00');
    await p.agir('indeferir', comissao, indeferimento, '2035-12-11T10:00:00');
    await p.agir('pedir-reconsideracao', representante, { fundamentacao, arquivos: [] }, '2035-12-11T12:00:00');
    await p.agir('ratificar-indeferimento', comissao, indeferimento, '2035-12-12T10:00:00');
    await p.agir('emitir-estudo-tecnico', coogie, { exigencias: [exigenciaDocumental], analise: 'Estudo Técnico: a exigência documental permanece não atendida.' }, '2035-12-12T11:00:00');
    await p.agir('tomar-ciencia', representante, {}, '2035-12-12T12:00:00');
    // Ciência Wed 12/12; 10 dias úteis: 13,14,17,18,19,20,21,24,26,27 (25 Natal) → Thu 27/12.
    await p.esperarPrazo('2035-12-27T23:59:59-03:00');
    await w.saltarAte(brt('2035-12-28T08:00:00'));
    // Seed 003, COOGIE II: "Indeferido, quando o Representante Legal … não tiver se manifestado dentro do prazo
    // regulamentar" — a decision the COOGIE takes by its Pronunciamento, not the timer by itself.
    await p.esperarFase('analise-coogie');
    expect(await p.recusa('deferir-reconsideracao', coogie, { fundamentacao }, '2035-12-28T09:00:00')).toMatch(/não se manifestou no prazo do Estudo Técnico/);
    const pron = await p.agir('indeferir-reconsideracao', coogie, { fundamentacao, exigenciasNaoAtendidas: [exigenciaDocumental] }, '2035-12-28T09:00:00');
    expect(pron.fase).toBe('prazo-recurso-cee');
    expect(pron.documentos.map((d) => [d.tipo, d.identificacao])).toEqual([
      ['pronunciamento-coogie', expect.stringMatching(/^Pronunciamento nº \d+\/2035\/COOGIE$/)],
      ['notificacao-indeferimento', expect.stringMatching(/^Ofício nº \d+\/2035\/COOGIE$/)],
    ]);
    const [pronunciamento, notificacao] = await Promise.all(
      pron.documentos.map((d) => w.db.selectFrom('documento').select(['html']).where('id', '=', d.id).executeTakeFirstOrThrow()),
    );
    expect(pronunciamento!.html).toMatch(/INDEFERE o pedido de reconsideração, por não ter havido manifestação dentro do prazo regulamentar/);
    expect(pronunciamento!.html).toContain(coogie.nome);
    expect(pronunciamento!.html).toContain('Coordenadoria Geral de Inspeção Escolar');
    // The notice cites the COOGIE's Pronunciamento as the decision, not the Estudo Técnico.
    expect(notificacao!.html).toMatch(/Pronunciamento nº \d+\/2035\/COOGIE/);
    expect(notificacao!.html).not.toMatch(/Estudo Técnico nº/);
    // Addressed as the representante's account says (Senhora), never "o(a)" when rito knows her;
    // signed by the COOGIE's servidora with the cargo and matrícula of her account.
    expect(notificacao!.html).toContain('<p>A Sua Senhoria a Senhora</p>');
    expect(notificacao!.html).toContain('Senhora Representante Legal,');
    expect(notificacao!.html).not.toMatch(/o\(a\)|Senhor\(a\)/);
    expect(pronunciamento!.html).toMatch(new RegExp(`<p class="nome">${coogie.nome}</p>\\s*<p class="cargo">Coordenadora-Geral de Inspeção Escolar</p>\\s*<p class="detalhe">Matrícula 5020001-3</p>`));
    await p.agir('tomar-ciencia', representante, {}, '2035-12-28T10:00:00');
    // Ciência Fri 28/12; 20 dias → Thu 17/01/2036.
    await p.esperarPrazo('2036-01-17T23:59:59-03:00');
    const r = await p.agir('interpor-recurso-cee', representante, { fundamentacao, arquivos: [] }, '2036-01-10T10:00:00');
    expect(r.fase).toBe('recurso-cee');
    expect(r.documentos.map((d) => d.tipo)).toEqual(['encaminhamento-cee']);
    // The recurso goes to the COOGIE with vistas to the CEE (issue 10 item 1), signed by a servidor of the
    // issuing COOIE with his cargo (the inspetora who autuou), never by the representante who appealed.
    const doc = await w.db.selectFrom('documento').select(['html', 'identificacao']).where('id', '=', r.documentos[0]!.id).executeTakeFirstOrThrow();
    expect(doc.identificacao).toMatch(/^Ofício nº \d+\/2036\/COOIE-METROPOLITANAI$/);
    expect(doc.html).toContain('Coordenadoria Geral de Inspeção Escolar — COOGIE');
    expect(doc.html).toContain('Com vistas ao Conselho Estadual de Educação');
    // Signed with the name, cargo and matrícula her account holds (test/vistoria/support.ts criarContas).
    expect(doc.html).toMatch(new RegExp(`<p class="nome">${inspetor.nome}</p>\\s*<p class="cargo">Inspetora Escolar</p>\\s*<p class="detalhe">Matrícula 5011111-2</p>`));
    expect(doc.html).not.toContain('Senhor(a) Representante Legal');
    expect((await p.resultado()).fase).toBe('recurso-cee');
  });

  it('refuses actions out of phase, by the wrong role, or with an exigência lacking motivação and base legal', async () => {
    const p = await Processo.abrir(w, brt('2036-02-04T09:00:00'));
    expect(await p.recusa('deferir', comissao, { fundamentacao })).toMatch(/não é admitida na fase "Requerimento Inicial recebido"/);
    expect(await p.recusa('autuar', representante, { numeroSei: p.numeroSei })).toMatch(/COOIE/);
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei });
    expect(
      await p.recusa('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [{ codigo: 'laudo', descricao: 'Apresentar laudo', motivacao: '', baseLegal: '' }] }),
    ).toMatch(/motivação.*base legal|base legal.*motivação/s);
    // Retrying an action with the same key returns the same result instead of acting twice.
    const a = await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, undefined, 'chave-fixa-1');
    const b = await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, undefined, 'chave-fixa-1');
    expect(b).toEqual(a);
    expect((await p.documentos()).filter((t) => t === 'notificacao-exigencias')).toHaveLength(1);
  });
  it('takes a reconsideração asked before its prazo started (notice still awaiting ciência) as timely', async () => {
    // Issue 10 item 5: the 20 days run from the first business day after the comunicação; an
    // earlier request is early, never late (Lei 9.784/1999 art. 59 counts from the ciência).
    const p = await Processo.abrir(w, brt('2036-03-03T09:00:00'));
    await p.ateVisita('2036-03-03', '2036-03-10');
    await w.saltarAte(brt('2036-03-10T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2036-03-10') }, '2036-03-10T15:00:00');
    await p.agir('indeferir', comissao, indeferimento, '2036-03-11T10:00:00');
    expect((await p.estado()).notificacao).toMatchObject({ tipo: 'notificacao-indeferimento', ciencia: null });
    const r = await p.agir('pedir-reconsideracao', representante, { fundamentacao, arquivos: [] }, '2036-03-11T10:30:00');
    expect(r.fase).toBe('reconsideracao-comissao');
    expect(r.mensagem).not.toMatch(/extemporâneo/);
  });

  it('refuses an idempotency key reused for a different action or data, and answers the same for the same', async () => {
    const p = await Processo.abrir(w, brt('2036-04-01T09:00:00'));
    const a = await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-04-01T10:00:00', 'chave-reusada-1');
    expect(await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-04-01T10:00:00', 'chave-reusada-1')).toEqual(a);
    let motivo = '';
    try {
      await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, '2036-04-01T10:05:00', 'chave-reusada-1');
    } catch (err) {
      const e = err as { cause?: { message?: string; type?: string } };
      motivo = `${e.cause?.type}: ${e.cause?.message}`;
    }
    expect(motivo).toMatch(/^ChaveReutilizada: .*Idempotency-Key/);
    expect((await p.estado()).fase).toBe('analise-forma');
  });
  it('reconsiders at level 1 with physical exigências only after a new in-loco check with its Termo (issue 10 item 2)', async () => {
    // "Quando couber, após nova verificação in loco, tenha sido constatado o cumprimento de todas as exigências físicas".
    const p = await Processo.abrir(w, brt('2036-05-05T09:00:00'));
    await p.ateVisita('2036-05-05', '2036-05-12');
    await w.saltarAte(brt('2036-05-12T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2036-05-12') }, '2036-05-12T15:00:00');
    await p.agir('indeferir', comissao, indeferimento, '2036-05-13T10:00:00');
    await p.agir('pedir-reconsideracao', representante, { fundamentacao, arquivos: [] }, '2036-05-13T12:00:00');
    expect(await p.recusa('reconsiderar', comissao, { fundamentacao }, '2036-05-13T14:00:00')).toMatch(/exigências físicas.*nova verificação in loco/);
    // Notice Tue 13/05 → the visit no earlier than Sun 18/05, so Mon 19/05.
    await p.agir('agendar-visita', comissao, { data: '2036-05-19' }, '2036-05-13T14:00:00');
    await w.saltarAte(brt('2036-05-19T15:00:00'));
    expect(await p.recusa('reconsiderar', comissao, { fundamentacao }, '2036-05-19T15:00:00')).toMatch(/Termo de Visita da nova verificação/);
    // A Termo of a visit that has not happened yet is refused.
    expect(await p.recusa('registrar-termo-visita', comissao, { termoVisita: termoVisita('2036-05-20') }, '2036-05-19T15:00:00')).toMatch(/ainda não chegou/);
    await p.agir('registrar-termo-visita', comissao, { termoVisita: termoVisita('2036-05-19') }, '2036-05-19T15:00:00');
    const r = await p.agir('reconsiderar', comissao, { fundamentacao }, '2036-05-19T16:00:00');
    expect(r).toMatchObject({ fase: 'encaminhado-coogie', documentos: [{ tipo: 'pronunciamento' }] });
  });

  it('waits for the Ordem de Serviço to be published in DOERJ before the Comissão acts, never dated before it (issue 10 item 4)', async () => {
    const p = await Processo.abrir(w, brt('2036-06-02T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-06-02T10:00:00');
    await p.agir('aprovar-forma', inspetor, { checklist: checklistForma(p.tipo) }, '2036-06-02T10:01:00');
    expect(await p.recusa('publicar-ordem-servico', inspetor, { comissao: membros }, '2036-06-02T10:02:00')).toMatch(/publicação da Ordem de Serviço no DOERJ/);
    expect(await p.recusa('publicar-ordem-servico', inspetor, { comissao: membros, publicacao: { data: '2036-05-30', pagina: 3 } }, '2036-06-02T10:02:00')).toMatch(/não pode ser anterior/);
    const os = await p.agir('emitir-ordem-servico', inspetor, { comissao: membros }, '2036-06-02T10:02:00');
    expect(os).toMatchObject({ fase: 'publicacao-ordem-servico', documentos: [{ tipo: 'ordem-servico' }] });
    expect(await p.recusa('agendar-visita', comissao, { data: '2036-06-10' }, '2036-06-02T10:05:00')).toMatch(/não é admitida/);
    await w.saltarAte(brt('2036-06-04T09:00:00'));
    expect(await p.recusa('registrar-publicacao-ordem-servico', inspetor, { publicacao: { data: '2036-06-01', pagina: 7 } }, '2036-06-04T09:00:00')).toMatch(/não pode ser anterior à Ordem de Serviço \(2036-06-02\)/);
    const publicada = await p.agir('registrar-publicacao-ordem-servico', inspetor, { publicacao: { data: '2036-06-03', pagina: 7 } }, '2036-06-04T09:00:00');
    expect(publicada.fase).toBe('analise-merito');
    expect((await p.agir('agendar-visita', comissao, { data: '2036-06-10' }, '2036-06-04T09:05:00')).fase).toBe('visita-agendada');
  });
  it('takes the exigências of the Termo de Visita as known at the visit: the 20 days run from the next day (issue 10 item 8)', async () => {
    const p = await Processo.abrir(w, brt('2036-07-01T09:00:00'));
    await p.ateVisita('2036-07-01', '2036-07-08');
    await w.saltarAte(brt('2036-07-08T15:00:00'));
    const r = await p.agir('registrar-exigencias-merito', comissao, { termoVisita: termoVisita('2036-07-08'), exigencias: [exigenciaFisica] }, '2036-07-08T15:00:00');
    expect(r.fase).toBe('exigencias-merito');
    // Ciência Tue 08/07 at the visit; 20 dias corridos: day 1 Wed 09/07, day 20 Mon 28/07. No tacit wait of 10 days.
    await p.esperarPrazo('2036-07-28T23:59:59-03:00');
    expect((await p.estado()).notificacao).toMatchObject({ ciencia: '2036-07-08', tacita: false });
    const eventos = await w.db.selectFrom('processo_evento').select('tipo').where('processo_id', '=', p.id).where('tipo', 'like', 'ciencia%').execute();
    expect(eventos.map((e) => e.tipo)).toEqual(['ciencia-na-visita']);
  });
  it('lets the representante add to his filing until the limit, with photographs for physical exigências; the Comissão decides once he is done (issue 10 item 12)', async () => {
    const p = await Processo.abrir(w, brt('2036-08-04T09:00:00'));
    await p.ateVisita('2036-08-04', '2036-08-11');
    await w.saltarAte(brt('2036-08-11T15:00:00'));
    await p.agir('registrar-exigencias-merito', comissao, { termoVisita: termoVisita('2036-08-11'), exigencias: [exigenciaFisica] }, '2036-08-11T15:00:00');
    // Ciência at the visit Mon 11/08; 20 dias → Sun 31/08 → Mon 01/09.
    await p.esperarPrazo('2036-09-01T23:59:59-03:00');
    expect(await p.recusa('cumprir-exigencias', representante, { resposta: 'Corrimão instalado.', arquivos: [] }, '2036-08-12T10:00:00')).toMatch(/fotografias/);
    const primeira = await p.agir('cumprir-exigencias', representante, { resposta: 'Corrimão instalado; seguem fotografias.', arquivos: ['foto-1'] }, '2036-08-12T10:00:00');
    expect(primeira).toMatchObject({ fase: 'exigencias-merito', prazo: { limite: '2036-09-01T23:59:59-03:00' } });
    expect(primeira.mensagem).toMatch(/complementá-lo até 2036-09-01/);
    // The Comissão cannot decide while the RL may still add to it.
    expect(await p.recusa('indeferir', comissao, indeferimento, '2036-08-13T10:00:00')).toMatch(/não é admitida/);
    await p.agir('cumprir-exigencias', representante, { resposta: 'Segue também o laudo do corrimão.', arquivos: ['foto-2', 'laudo-1'] }, '2036-08-14T10:00:00');
    const concluido = await p.agir('concluir-cumprimento', representante, {}, '2036-08-14T11:00:00');
    expect(concluido.fase).toBe('pronunciamento');
    expect((await p.estado()).tarefa).toMatchObject({ fase: 'pronunciamento', responsavel: 'comissao', situacao: 'aberta' });
  });
  it('lets the Comissão raise documental exigências before scheduling the visit of an aumento de capacidade (issue 10 item 10)', async () => {
    // Seed 003, aumento de capacidade, Fluxo 7: "Não restando nenhuma exigência documental, a Comissão … deverá agendar a visita".
    const p = await Processo.abrir(w, brt('2036-09-01T09:00:00'), 'aumento-capacidade');
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-09-01T10:00:00');
    await p.agir('aprovar-forma', inspetor, { checklist: checklistForma(p.tipo) }, '2036-09-01T10:01:00');
    await p.agir('publicar-ordem-servico', inspetor, { publicacao: { data: '2036-09-01', pagina: 14 }, comissao: membros }, '2036-09-01T10:02:00');
    expect(await p.recusa('registrar-exigencias-documentais', comissao, { exigencias: [exigenciaFisica] }, '2036-09-02T10:00:00')).toMatch(/só cabem exigências documentais/);
    const r = await p.agir('registrar-exigencias-documentais', comissao, { exigencias: [exigenciaDocumental] }, '2036-09-02T10:00:00');
    expect(r).toMatchObject({ fase: 'exigencias-documentais-merito', documentos: [{ tipo: 'notificacao-exigencias' }] });
    expect(await p.recusa('agendar-visita', comissao, { data: '2036-09-10' }, '2036-09-02T10:05:00')).toMatch(/não é admitida/);
    await p.agir('tomar-ciencia', representante, {}, '2036-09-02T11:00:00');
    // Ciência Tue 02/09; 20 dias corridos → Mon 22/09.
    await p.esperarPrazo('2036-09-22T23:59:59-03:00');
    const cumprido = await p.agir('cumprir-exigencias', representante, { resposta: 'Segue o laudo.', arquivos: [] }, '2036-09-03T10:00:00');
    expect(cumprido.fase).toBe('analise-merito');
    expect((await p.agir('agendar-visita', comissao, { data: '2036-09-10' }, '2036-09-03T10:05:00')).fase).toBe('visita-agendada');
  });

  it('keeps documental exigências before the visit to the aumento de capacidade', async () => {
    const p = await Processo.abrir(w, brt('2036-09-15T09:00:00'));
    await p.ateVisita('2036-09-15', '2036-09-22');
    expect(await p.recusa('registrar-exigencias-documentais', comissao, { exigencias: [exigenciaDocumental] }, '2036-09-15T11:00:00')).toMatch(/não é admitida|próprias do aumento de capacidade/);
  });
  it('applies the checklists item by item: the forma is approved only whole and conforme, its exigências come from the items found wanting, and so the Termo\'s (issue 10 item 9)', async () => {
    const p = await Processo.abrir(w, brt('2036-11-04T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-11-04T10:00:00');
    expect(await p.recusa('aprovar-forma', inspetor, {}, '2036-11-04T10:01:00')).toMatch(/Registre o checklist da análise de forma/);
    const semAlvara = checklistForma(p.tipo).filter((i) => i.codigo !== 'alvara-localizacao');
    expect(await p.recusa('aprovar-forma', inspetor, { checklist: semAlvara }, '2036-11-04T10:01:00')).toMatch(/faltam: "alvara-localizacao" \(alínea c\)/);
    expect(await p.recusa('aprovar-forma', inspetor, { checklist: checklistForma(p.tipo, ['alvara-localizacao']) }, '2036-11-04T10:01:00')).toMatch(
      /não pode ser aprovada com itens não conformes \(alvara-localizacao\)/,
    );
    expect(await p.recusa('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo) }, '2036-11-04T10:01:00')).toMatch(/aprove a forma/);
    // The unit's address and contact, as the administrator records them, go in the footer of its documents.
    await w.db
      .updateTable('unidade')
      .set({ endereco: 'Rua da Ajuda, 5, 12º andar – Centro – 20040-000 – Rio de Janeiro/RJ', email: 'cooie.metro1@educacao.rj.gov.br', telefone: '(21) 2333-0000' })
      .where('chave', '=', 'METROPOLITANA I')
      .execute();
    // Only the item found não conforme: its exigência is the item's, with the base legal seed 003 gives alínea c.
    const exig = await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo, ['alvara-localizacao']) }, '2036-11-04T10:02:00');
    expect(exig.fase).toBe('exigencias-forma');
    const oficio = await w.db.selectFrom('documento').select(['html']).where('id', '=', exig.documentos[0]!.id).executeTakeFirstOrThrow();
    const rodape = oficio.html.slice(oficio.html.indexOf('<footer'));
    expect(rodape).toContain('Coordenadoria Regional de Inspeção Escolar Metropolitana I — COOIE-METROPOLITANAI');
    expect(rodape).toContain('Rua da Ajuda, 5, 12º andar – Centro – 20040-000 – Rio de Janeiro/RJ');
    expect(rodape).toContain('Telefone: (21) 2333-0000 · E-mail: cooie.metro1@educacao.rj.gov.br');
    expect((await p.estado()).exigencias).toEqual([
      expect.objectContaining({ codigo: 'alvara-localizacao', baseLegal: 'Deliberação CEE nº 388/2020, art. 30, III', natureza: 'documental' }),
    ]);
    await p.agir('tomar-ciencia', representante, {}, '2036-11-04T11:00:00');
    await p.agir('cumprir-exigencias', representante, { resposta: 'Segue o alvará.', arquivos: [] }, '2036-11-05T10:00:00');
    await p.agir('aprovar-forma', inspetor, { checklist: checklistForma(p.tipo) }, '2036-11-05T11:00:00');
    await p.agir('publicar-ordem-servico', inspetor, { publicacao: { data: '2036-11-05', pagina: 14 }, comissao: membros }, '2036-11-05T11:01:00');
    await p.agir('agendar-visita', comissao, { data: '2036-11-12', hora: '09:00' }, '2036-11-05T11:02:00');
    await w.saltarAte(brt('2036-11-12T15:00:00'));
    expect(await p.recusa('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2036-11-12', p.tipo, ['visita-laudo-condiz']) }, '2036-11-12T15:00:00')).toMatch(
      /itens da visita que não atendem \(visita-laudo-condiz\)/,
    );
    const incompleto = { ...termoVisita('2036-11-12'), verificacoes: termoVisita('2036-11-12').verificacoes.slice(1) };
    expect(await p.recusa('concluir-visita-sem-exigencias', comissao, { termoVisita: incompleto }, '2036-11-12T15:00:00')).toMatch(/Termo de Visita incompleto.*"visita-area-continua" \(alínea a\)/);
    const r = await p.agir('registrar-exigencias-merito', comissao, { termoVisita: termoVisita('2036-11-12', p.tipo, ['visita-laudo-condiz']) }, '2036-11-12T15:00:00');
    expect(r.fase).toBe('exigencias-merito');
    expect((await p.estado()).exigencias).toEqual([expect.objectContaining({ codigo: 'visita-laudo-condiz', natureza: 'fisica' })]);
  });

});
