/** Drives a vistoria process on the time-skipping server the way the API would. */
import type { WorkflowHandle } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { estadoQuery } from '../../workflows/processo/definitions';
import type { processoWorkflow } from '../../workflows/processo/workflow';
import { acaoVistoriaUpdate, type AtorAcao, estadoVistoriaQuery, type PedidoAcao, type ResultadoAcao } from '../../workflows/vistoria/definitions';
import { idDaAtualizacao } from '../../workflows/ritos/interpretador';
import type { WorkflowTestEnv } from '../support/workflow-env';
import { aberturaDeTeste } from '../support/abertura-workflow';
import { checklistForma, verificacoesDaVisita } from '../support/checklists';
import { iniciarProcesso } from '../support/iniciar-processo';

export { checklistForma } from '../support/checklists';

export const representante: AtorAcao = { id: 'rl-1', nome: 'Maria Representante', papeis: ['representante'] };
export const inspetor: AtorAcao = { id: 'insp-1', nome: 'Ana Inspetora', papeis: ['inspetor'] };
export const coogie: AtorAcao = { id: 'coogie-1', nome: 'Célia COOGIE', papeis: ['coogie'] };
export const membros = [
  { nome: 'Bruno Servidor', matricula: '1001', usuarioId: 'com-1' },
  { nome: 'Carla Servidora', matricula: '1002', usuarioId: 'com-2' },
  { nome: 'Diego Servidor', matricula: '1003', usuarioId: 'com-3' },
];
/** A servidor of the COOGIE's own Comissão (reconsideração, physical exigências). */
export const membroCoogie = { nome: 'Eva Servidora', matricula: '2001', usuarioId: 'coogie-com-1' };
export const comissao: AtorAcao = { id: 'com-1', nome: 'Bruno Servidor', papeis: ['comissao'] };

/** 'YYYY-MM-DDTHH:MM:SS' in Brasília time, as an ISO instant. */
export const brt = (local: string) => `${local}-03:00`;

export const exigenciaDocumental = {
  codigo: 'laudo-seguranca',
  descricao: 'Apresentar laudo técnico de segurança e acessibilidade do imóvel anexado',
  motivacao: 'O laudo apresentado não abrange o imóvel contíguo que se pretende anexar.',
  baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII',
  natureza: 'documental' as const,
};
export const exigenciaFisica = {
  codigo: 'corrimao-escada',
  descricao: 'Instalar corrimão na escada de acesso ao segundo pavimento',
  motivacao: 'Na visita constatou-se escada sem corrimão no bloco anexado.',
  baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VI',
  natureza: 'fisica' as const,
};
/** A Termo de Visita recording every item of the kind's visit list (issue 10 item 9); `naoAtendem` names the items found wanting. */
export const termoVisita = (data: string, tipo = 'apostilamento-endereco', naoAtendem: string[] = []) => ({
  realizadaEm: data,
  horaInicio: '09:00',
  horaFim: '11:30',
  representante: { nome: 'Maria Representante', qualidade: 'representante-legal' },
  verificacoes: verificacoesDaVisita(tipo, naoAtendem),
});
export const fundamentacao = 'Fundamentação: análise dos autos conforme Deliberação CEE nº 388/2020.';
export const indeferimento = { fundamentacao, exigenciasNaoAtendidas: [exigenciaFisica] };

/** The accounts the rite's documents name (signatários) and the Comissão's designations point to. */
export async function criarContas(db: WorkflowTestEnv['db']): Promise<void> {
  // Servidores sign with the cargo and matrícula of their accounts; the representante is addressed as his account says.
  const contas = [
    { ...inspetor, unidade: 'METROPOLITANA I', matricula: '5011111-2', cargo: 'Inspetora Escolar', tratamento: 'senhora' as const },
    { ...coogie, unidade: null, matricula: '5020001-3', cargo: 'Coordenadora-Geral de Inspeção Escolar', tratamento: 'senhora' as const },
    { ...representante, unidade: null, email: 'maria@example.org', tratamento: 'senhora' as const },
    ...membros.map((m) => ({ id: m.usuarioId, nome: m.nome, papeis: ['comissao'], unidade: 'METROPOLITANA I' })),
    { id: membroCoogie.usuarioId, nome: membroCoogie.nome, papeis: ['comissao'], unidade: null },
  ];
  await db
    .insertInto('usuario')
    .values(
      contas.map((c) => ({
        id: c.id,
        email: 'email' in c ? c.email : `${c.id}@example.org`,
        nome: c.nome,
        papeis: c.papeis,
        unidade: c.unidade,
        matricula: 'matricula' in c ? c.matricula : null,
        cargo: 'cargo' in c ? c.cargo : null,
        tratamento: 'tratamento' in c ? c.tratamento : null,
        criado_por: 'teste',
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

let processos = 0;

export class Processo {
  private n = 0;
  /** A distinct SEI number per process: the read model refuses a number already used by another process. */
  readonly numeroSei = `SEI-030001/${String(16800 + ++processos).padStart(6, '0')}/2035`;
  constructor(
    readonly w: WorkflowTestEnv,
    readonly handle: WorkflowHandle<typeof processoWorkflow>,
    readonly id: string,
    readonly tipo: string,
  ) {}

  static async abrir(w: WorkflowTestEnv, quando: string, tipo = 'apostilamento-endereco'): Promise<Processo> {
    await w.saltarAte(quando);
    const abertura = aberturaDeTeste(tipo, representante.id);
    const handle = await iniciarProcesso(w, abertura);
    return new Processo(w, handle, abertura.id, tipo);
  }

  /** Acts at `em` (Brasília local time) or at the server's current time. */
  async agir(acao: PedidoAcao['acao'], ator: AtorAcao, dados: unknown = {}, em?: string, chave?: string): Promise<ResultadoAcao> {
    const pedido: PedidoAcao = { acao, ator, dados, em: em ? brt(em) : await this.w.agora(), chave: chave ?? `${acao}-${++this.n}-${randomBytes(3).toString('hex')}` };
    return this.handle.executeUpdate(acaoVistoriaUpdate, { args: [pedido], updateId: idDaAtualizacao(pedido) });
  }

  /** The pt-BR reason the workflow gives for refusing an action. */
  async recusa(acao: PedidoAcao['acao'], ator: AtorAcao, dados: unknown = {}, em?: string): Promise<string> {
    try {
      await this.agir(acao, ator, dados, em);
    } catch (err) {
      const e = err as { cause?: { message?: string }; message: string };
      return e.cause?.message ?? e.message;
    }
    throw new Error(`a ação ${acao} deveria ter sido recusada`);
  }

  /**
   * Waits for the workflow to complete and returns its final state. Polls and
   * queries instead of awaiting handle.result(): waiting on a result lets the
   * time-skipping server race years ahead, spoiling the dates of later scenarios.
   */
  async resultado() {
    const ate = Date.now() + 15_000;
    while (Date.now() < ate) {
      const d = await this.handle.describe();
      if (d.status.name === 'COMPLETED') return this.handle.query(estadoQuery);
      if (d.status.name !== 'RUNNING') throw new Error(`o workflow terminou como ${d.status.name}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('o workflow não terminou');
  }

  estado() {
    return this.handle.query(estadoVistoriaQuery);
  }

  /** Polls (in real time) until the workflow reports `fase`: timers fire and activities run after a time skip. */
  async esperarFase(fase: string, timeoutMs = 15_000): Promise<void> {
    const ate = Date.now() + timeoutMs;
    let atual = '';
    while (Date.now() < ate) {
      atual = (await this.estado()).fase;
      if (atual === fase) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`fase esperada ${fase}, atual ${atual}`);
  }

  /** Polls until the open prazo has this limit (ISO with -03:00). */
  async esperarPrazo(limite: string, timeoutMs = 15_000): Promise<void> {
    const ate = Date.now() + timeoutMs;
    let atual: string | undefined;
    while (Date.now() < ate) {
      atual = (await this.estado()).prazo?.limite;
      if (atual === limite) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`limite esperado ${limite}, atual ${atual}`);
  }

  async documentos(): Promise<string[]> {
    const rows = await this.w.db.selectFrom('documento').select(['tipo']).where('processo_id', '=', this.id).orderBy('emitido_em').orderBy('numero').execute();
    return rows.map((r) => r.tipo);
  }

  /** Walks the rite from abertura to the visit (agendada for `visita`). */
  async ateVisita(hoje: string, visita: string): Promise<void> {
    await this.agir('autuar', inspetor, { numeroSei: this.numeroSei }, `${hoje}T10:00:00`);
    await this.agir('aprovar-forma', inspetor, { checklist: checklistForma(this.tipo) }, `${hoje}T10:01:00`);
    await this.agir('publicar-ordem-servico', inspetor, { publicacao: { data: hoje, pagina: 14 }, comissao: membros }, `${hoje}T10:02:00`);
    await this.agir('agendar-visita', comissao, { data: visita, hora: '09:00' }, `${hoje}T10:03:00`);
  }
}
