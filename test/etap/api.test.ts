/**
 * The ETAP's cadastramento through the API, as its users do it (issue 13): the
 * representante registers a new Diretor, the COOIE reads the qualification
 * explanation and the coverage gap in the rite's state, raises an exigência from
 * the checklist, the representante answers with the corrected request, and the
 * COOGIE publishes the edital; the institution's registered ETAP then names him.
 * Real Temporal dev server, real clock: dates are today's.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_ETAP } from '../../rules/etap/checklist';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { abrirProcesso } from '../support/abertura';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ = '11222333000181';
const INEP = `35${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const hoje = () => formatarInstanteBrasilia(Date.now()).slice(0, 10);

let sys: TestSystem;
let rl: Conta, inspetor: Conta, coogie: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  [rl, inspetor, coogie] = await Promise.all([
    sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' }),
    sys.conta({ papeis: ['coogie'] }),
  ]);
}, 120_000);
afterAll(async () => {
  await sys?.stop();
});

const semana = (inicio: string, fim: string) => ['segunda', 'terca', 'quarta', 'quinta', 'sexta'].map((dia) => ({ dia, inicio, fim }));
const diretor = {
  nome: 'Paulo Henrique Tavares',
  cpf: '111.444.777-35',
  funcao: 'diretor',
  desde: '2026-12-01',
  substitui: 'Sônia Maria Freitas',
  // An 80-hour extension course only: no alínea of art. 14, I is met.
  formacoes: [{ tipo: 'formacao-em-servico', area: 'Gestão Escolar', cargaHoraria: 80, instituicao: 'Curso livre', conclusao: '2020-01-10' }],
  horarios: semana('07:00', '13:00').map((h) => (h.dia === 'quarta' ? { ...h, fim: '11:00' } : h)),
};
const outros = [
  { nome: 'Clara Moura Reis', cpf: '529.982.247-25', funcao: 'diretor-substituto', desde: '2026-12-01', formacoes: [{ tipo: 'pos-lato-sensu', area: 'Gestão Escolar', cargaHoraria: 360, instituicao: 'UERJ', tipoInstituicao: 'ies-credenciada', conclusao: '2015-07-01' }], horarios: semana('07:00', '10:00') },
  { nome: 'Renata Lopes Dias', cpf: '390.533.447-05', funcao: 'secretario-escolar', desde: '2026-12-01', formacoes: [{ tipo: 'curso-tecnico', area: 'Secretaria Escolar', instituicao: 'FAETEC', conclusao: '2012-12-10' }], horarios: semana('07:00', '11:00') },
];
const requerimento = (membro: Record<string, unknown>) => ({ membros: [membro, ...outros], horarioFuncionamento: semana('07:00', '13:00'), matriculasAtivas: 150, atoAnterior: 'Publicação no DOERJ de 12/03/2024, página 31' });
const checklist = (naoConformes: string[] = []) => CHECKLIST_ETAP.map((i) => ({ codigo: i.codigo, situacao: naoConformes.includes(i.codigo) ? 'nao-conforme' : i.condicao ? 'nao-se-aplica' : 'conforme' }));

describe('cadastramento da ETAP pela API', () => {
  it('a new Diretor: explained, exigência, corrected, edital published, and the institution\'s ETAP names him', async () => {
    const id = await abrirProcesso(sys, rl, { tipo: 'cadastro-etap', cnpj: CNPJ, codigoInep: INEP });
    const agir = async (acao: string, como: Conta, body: unknown) => {
      const r = await sys.request('POST', `/v1/processos/${id}/etap/${acao}`, { as: como, body, headers: { 'idempotency-key': randomUUID() } });
      expect(r.status, `${acao}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body;
    };
    await agir('apresentar-requerimento', rl, requerimento(diretor));
    await agir('autuar', inspetor, { numeroSei: `SEI-030001/${INEP.slice(2)}/2026` });
    const estado = (await sys.request('GET', `/v1/processos/${id}/etap`, { as: inspetor })).body;
    expect(estado.avaliacao.membros[0]).toMatchObject({ nome: 'Paulo Henrique Tavares', atende: false, explicacao: expect.stringMatching(/^Diretor: não comprovou/) });
    // Wednesday 11:00–13:00: nobody of the Quadro is present.
    expect(estado.avaliacao.lacunas).toEqual([expect.objectContaining({ dia: 'quarta', inicio: '11:00', fim: '13:00' })]);
    await agir('consultar-coogie', inspetor, {});
    await agir('responder-consulta', coogie, { apenados: [], resposta: 'Nenhum dos membros foi apenado nos termos da Lei Estadual nº 6.533/2013.' });
    const recusa = await sys.request('POST', `/v1/processos/${id}/etap/aprovar-cadastramento`, { as: inspetor, body: { checklist: checklist() }, headers: { 'idempotency-key': randomUUID() } });
    expect(recusa.status).toBe(409);
    expect(recusa.body.erro.mensagem).toMatch(/Diretor: não comprovou/);
    await agir('registrar-exigencias', inspetor, { checklist: checklist(['habilitacoes', 'quadro-etap']) });
    const corrigido = {
      ...diretor,
      formacoes: [{ tipo: 'licenciatura', area: 'Pedagogia', instituicao: 'UFF', tipoInstituicao: 'ies-credenciada', conclusao: '2010-12-15' }],
      horarios: semana('07:00', '13:00'),
    };
    await agir('cumprir-exigencias', rl, { resposta: 'Segue o diploma de Pedagogia e o Quadro corrigido.', requerimento: requerimento(corrigido) });
    await agir('aprovar-cadastramento', inspetor, { checklist: checklist() });
    const publicado = await agir('publicar-edital', coogie, { publicacao: { data: hoje(), pagina: 7 } });
    expect(publicado.fase).toBe('cadastrado');
    const etap = await sys.request('GET', `/v1/instituicoes/${INEP}/etap`, { as: rl });
    expect(etap.status).toBe(200);
    expect(etap.body.membros.map((m: { funcaoRotulo: string; nome: string }) => [m.funcaoRotulo, m.nome])).toEqual([
      ['Diretor', 'Paulo Henrique Tavares'],
      ['Diretor-substituto', 'Clara Moura Reis'],
      ['Secretário Escolar', 'Renata Lopes Dias'],
    ]);
    // The Relatório Anual's ofício is drafted from what rito knows: the team with the act that registered it.
    const rascunho = await sys.request('GET', `/v1/instituicoes/${INEP}/relatorio-anual/rascunho`, { as: rl });
    expect(rascunho.status).toBe(200);
    expect(rascunho.body.mantenedora).toEqual({ razaoSocial: expect.any(String), cnpj: CNPJ });
    expect(rascunho.body.equipe[0]).toEqual({ funcao: 'Diretor', nome: 'Paulo Henrique Tavares', ato: expect.stringMatching(/^Edital nº \d+\/\d{4}\/COOGIE, DOERJ de /) });
    const outro = await sys.conta({ papeis: ['representante'], instituicoes: ['11444777000161'] });
    expect((await sys.request('GET', `/v1/instituicoes/${INEP}/relatorio-anual/rascunho`, { as: outro })).status).toBe(404);
  }, 120_000);
});
