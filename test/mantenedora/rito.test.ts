/**
 * The Alteração na Composição da Entidade Mantenedora (seed 003) on the
 * time-skipping server, with real activities on PostgreSQL: analysed by the
 * COOIE, "deferidos pelo Órgão Central (COOGIE)", and a new representante legal
 * acting for the institution from the edital's publication on. June 2037 in Rio
 * de Janeiro: no holiday (Corpus Christi, 04/06, is not one).
 */
import '../support/temporal-log';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_MANTENEDORA } from '../../rules/mantenedora/rito';
import type { EstadoMantenedora } from '../../workflows/mantenedora/definitions';
import { CNPJ_TESTE as CNPJ, ProcessoNoRito } from '../support/processo-rito';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { brt, coogie, criarContas, inspetor, representante } from '../vistoria/support';

let w: WorkflowTestEnv;
beforeAll(async () => {
  w = await startWorkflowEnv();
  await criarContas(w.db);
});
afterAll(async () => {
  await w?.stop();
});

const checklist = (naoConformes: string[] = []) => CHECKLIST_MANTENEDORA.map((i) => ({ codigo: i.codigo, situacao: naoConformes.includes(i.codigo) ? 'nao-conforme' : 'conforme' }));
const requerimento = {
  alteracoes: [{ tipo: 'representante-legal', descricao: 'Assume a representação legal Júlia Campos Neves, por alteração contratual registrada na JUCERJA.' }],
  novoRepresentante: { nome: 'Júlia Campos Neves', cpf: '390.533.447-05', email: 'julia.neves@example.org' },
};

const abrir = (quando: string) => ProcessoNoRito.abrir<EstadoMantenedora>(w, 'alteracao-mantenedora', quando);

describe('rito de alteração na composição da Entidade Mantenedora', () => {
  it('exigências, conferência by the COOGIE (returned once), edital; the new representante legal acts from the publication on', async () => {
    // Maria has represented the mantenedora since 2030.
    await w.db
      .insertInto('representacao')
      .values({ id: randomUUID(), usuario_id: representante.id, instituicao_cnpj: CNPJ, instituicao_nome: 'Sociedade Educacional Exemplo Ltda.', tipo: 'representante-legal', inicio: new Date('2030-01-01T03:00:00Z'), fim: null, documento: null, criado_por: 'teste' })
      .execute();
    const p = await abrir(brt('2037-06-01T08:00:00'));
    expect(await p.recusa('apresentar-requerimento', representante, { alteracoes: requerimento.alteracoes }, '2037-06-01T09:00:00')).toMatch(/informe o novo representante legal/);
    await p.agir('apresentar-requerimento', representante, requerimento, '2037-06-01T09:00:00');
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-06-01T10:00:00');
    expect(await p.recusa('encaminhar-coogie', inspetor, { checklist: checklist(['cnpj']) }, '2037-06-01T10:30:00')).toMatch(/Restam itens não conformes \(cnpj\)/);
    const exig = await p.agir('registrar-exigencias', inspetor, { checklist: checklist(['cnpj']) }, '2037-06-01T10:30:00');
    expect(exig.fase).toBe('exigencias');
    expect(exig.documentos.map((d) => d.tipo)).toEqual(['notificacao-exigencias-cadastro']);
    const notificacao = await w.db.selectFrom('documento').select(['html']).where('id', '=', exig.documentos[0]!.id).executeTakeFirstOrThrow();
    expect(notificacao.html).toContain('alteração na composição da Entidade Mantenedora');
    expect(notificacao.html).toContain('CNPJ que deve conter o endereço da unidade escolar');
    await p.agir('tomar-ciencia', representante, {}, '2037-06-01T11:00:00');
    // Ciência Mon 01/06; 20 dias corridos: day 20 Sun 21/06 → Mon 22/06.
    await p.esperar((e) => e.prazo?.limite === '2037-06-22T23:59:59-03:00', 'o prazo até 22/06/2037');
    await p.agir('cumprir-exigencias', representante, { resposta: 'Segue o cartão CNPJ atualizado, com o endereço da escola.', arquivos: [] }, '2037-06-03T10:00:00');
    await p.agir('encaminhar-coogie', inspetor, { checklist: checklist() }, '2037-06-03T11:00:00');
    // "Após conferência": the COOGIE may return it to the COOIE, with the reason.
    await p.agir('devolver-cooie', coogie, { motivo: 'Falta a qualificação da nova representante (RG e comprovante de residência).' }, '2037-06-04T10:00:00');
    expect((await p.estado()).fase).toBe('analise');
    await p.agir('encaminhar-coogie', inspetor, { checklist: checklist() }, '2037-06-05T10:00:00');
    await w.saltarAte(brt('2037-06-10T10:00:00'));
    const publicado = await p.agir('publicar-edital', coogie, { publicacao: { data: '2037-06-10', pagina: 22 } }, '2037-06-10T10:00:00');
    expect(publicado.fase).toBe('cadastrado');
    const edital = await w.db.selectFrom('documento').select(['html', 'identificacao']).where('id', '=', publicado.documentos[0]!.id).executeTakeFirstOrThrow();
    expect(edital.identificacao).toMatch(/^Edital nº \d+\/2037\/COOGIE$/);
    expect(edital.html).toContain('Assume a representação legal Júlia Campos Neves');

    // The mandates: Maria's ends at 00:00 of 10/06 (Brasília), Júlia's begins then, under the edital.
    const mandatos = await w.db
      .selectFrom('representacao')
      .innerJoin('usuario', 'usuario.id', 'representacao.usuario_id')
      .select(['usuario.nome', 'usuario.email', 'representacao.inicio', 'representacao.fim', 'representacao.documento'])
      .where('instituicao_cnpj', '=', CNPJ)
      .where('representacao.tipo', '=', 'representante-legal')
      .orderBy('representacao.inicio')
      .execute();
    expect(mandatos.map((m) => [m.email, m.inicio.toISOString(), m.fim?.toISOString() ?? null, m.documento])).toEqual([
      ['maria@example.org', '2030-01-01T03:00:00.000Z', '2037-06-10T03:00:00.000Z', null],
      ['julia.neves@example.org', '2037-06-10T03:00:00.000Z', null, edital.identificacao],
    ]);
    const auditoria = await w.db.selectFrom('auditoria').select(['acao']).where('processo_id', '=', p.id).execute();
    expect(auditoria.map((a) => a.acao).sort()).toEqual(['representacao.criar', 'usuario.criar']);
  });

  it('without exigências: forwarded at once to the COOGIE and published; a change of nome fantasia touches no mandate', async () => {
    const p = await abrir(brt('2037-07-01T08:00:00'));
    const antes = await w.db.selectFrom('representacao').select(['id', 'fim']).where('instituicao_cnpj', '=', CNPJ).execute();
    await p.agir('apresentar-requerimento', representante, { alteracoes: [{ tipo: 'nome-fantasia', descricao: 'Passa a usar o nome fantasia Colégio Horizonte.' }] }, '2037-07-01T09:00:00');
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-07-01T10:00:00');
    expect((await p.agir('encaminhar-coogie', inspetor, { checklist: checklist() }, '2037-07-01T11:00:00')).fase).toBe('conferencia-coogie');
    await w.saltarAte(brt('2037-07-02T10:00:00'));
    const r = await p.agir('publicar-edital', coogie, { publicacao: { data: '2037-07-02', pagina: 5 } }, '2037-07-02T10:00:00');
    expect(r.fase).toBe('cadastrado');
    expect(await w.db.selectFrom('representacao').select(['id', 'fim']).where('instituicao_cnpj', '=', CNPJ).execute()).toEqual(antes);
  });

  it('with the prazo of the exigências expired unmet, the process returns to the COOIE, which indefere', async () => {
    const p = await abrir(brt('2037-08-03T08:00:00'));
    await p.agir('apresentar-requerimento', representante, { alteracoes: [{ tipo: 'socios', descricao: 'Ingresso do sócio Carlos Lima com 30% das cotas.' }] }, '2037-08-03T09:00:00');
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-08-03T10:00:00');
    await p.agir('registrar-exigencias', inspetor, { checklist: checklist(['ato-constitutivo']) }, '2037-08-03T11:00:00');
    await p.agir('tomar-ciencia', representante, {}, '2037-08-03T12:00:00');
    // Ciência Mon 03/08; 20 dias corridos: day 20 Sun 23/08 → Mon 24/08.
    await p.esperar((e) => e.prazo?.limite === '2037-08-24T23:59:59-03:00', 'o prazo até 24/08/2037');
    await w.saltarAte(brt('2037-08-25T08:00:00'));
    await p.esperar((e) => e.fase === 'analise', 'a análise depois do prazo');
    const r = await p.agir('indeferir', inspetor, { fundamentacao: 'Decorrido o prazo sem a apresentação da alteração contratual registrada (Instrução Processual, alínea c).' }, '2037-08-25T10:00:00');
    expect(r.fase).toBe('indeferido');
  });
});
