/**
 * Side effects of the pedidos de habilitação (workflows/habilitacao): the read
 * model and history, the enabling itself (db/habilitacoes.ts keeps "one per
 * place"), and the e-mails the requester receives at each step.
 * A credenciamento of an external user (seed 002 arts. 16–19) differs only in
 * what its enabling creates (his representação, from that instant to the
 * procuração's end), in how it ends (deactivation: the account and its
 * sessions; expiry: the representação) and in the e-mails' wording.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Correio } from '../api/contas/correio';
import { linkSenha } from '../api/contas/routes';
import { encerrarSessoesDoUsuario } from '../api/auth/sessao';
import { criarRepresentacao, emitirTokenSenha, mensagemSenha } from '../api/contas/service';
import type { Db } from '../db/connect';
import {
  definirAcessoDoPedido,
  efetivarHabilitacao,
  encerrarPerfil,
  obterHabilitacao,
  registrarEventoHabilitacao,
  sincronizarHabilitacao,
  terminarRepresentacoes,
  desativarOutrosCredenciamentos,
  desativadosJunto,
  type Habilitacao,
} from '../db/habilitacoes';
import { formatarInstanteBrasilia } from '../rules/calendario';
import { type DadosRepresentacao, dataBR, fimDaVigencia } from '../rules/habilitacao/credenciamento';
import { definicaoDoPerfil, isPerfilPedido } from '../rules/habilitacao/perfis';
import { PRAZO_ANALISE_HABILITACAO } from '../rules/habilitacao/prazo';

/** The follow-up link of a pedido lives this long: enough for a pendência and its answer. */
const VALIDADE_ACESSO_MS = 30 * 24 * 3600 * 1000;

export const hashAcesso = (segredo: string) => createHash('sha256').update(segredo).digest('hex');

/** The page the requester follows his pedido on: /habilitacao/{id} (Presença) or /credenciamento/{id} (external user). */
export const linkAcompanhamento = (urlPublica: string, id: string, segredo: string, pagina: 'habilitacao' | 'credenciamento' = 'habilitacao') =>
  `${urlPublica.replace(/\/$/, '')}/${pagina}/${id}#${segredo}`;

export type ModeloAviso = 'protocolo' | 'habilitado' | 'pendencia' | 'recusa' | 'encerramento';

const ROTULO_TIPO: Record<DadosRepresentacao['tipo'], string> = { 'representante-legal': 'representante legal', procurador: 'procurador(a)' };

/** What a representation covers, in the words the e-mail and the history use. */
export function descreverRepresentacao(r: DadosRepresentacao): string {
  const quem = `${ROTULO_TIPO[r.tipo]} de ${r.instituicaoNome} (CNPJ ${r.cnpj})`;
  const onde = r.processos ? `somente nos processos ${r.processos.join(', ')}` : 'em todos os processos da instituição';
  const ate = r.ate ? `até ${dataBR(r.ate)}, último dia de validade da procuração` : 'sem data de término';
  return `${quem}, ${onde}, ${ate}`;
}

const credenciamento = (h: Habilitacao) => isPerfilPedido(h.perfil) && definicaoDoPerfil(h.perfil).especie === 'credenciamento';

export function createHabilitacaoActivities(db: Db, correio: Correio, urlPublica: string) {
  /** A new secret for the follow-up link; the previous e-mail's link stops working. */
  async function novoAcesso(id: string, pagina: 'habilitacao' | 'credenciamento'): Promise<string> {
    const segredo = randomBytes(32).toString('base64url');
    await definirAcessoDoPedido(db, id, hashAcesso(segredo), new Date(Date.now() + VALIDADE_ACESSO_MS));
    return linkAcompanhamento(urlPublica, id, segredo, pagina);
  }

  return {
    async sincronizarHabilitacao(s: Parameters<typeof sincronizarHabilitacao>[1]): Promise<void> {
      await sincronizarHabilitacao(db, s);
    },
    async registrarEventoHabilitacao(e: Parameters<typeof registrarEventoHabilitacao>[1]): Promise<void> {
      await registrarEventoHabilitacao(db, e);
    },
    /**
     * Enables the pedido; a credenciamento also creates, in the same transaction, the representação
     * it proved: from the approval's instant to the procuração's end, limited to its named processes.
     */
    async efetivarHabilitacao(a: Parameters<typeof efetivarHabilitacao>[1] & { representacao?: DadosRepresentacao | null }) {
      const { representacao, ...efetivar } = a;
      return efetivarHabilitacao(
        db,
        efetivar,
        representacao
          ? async (trx, h) => {
              const ja = await trx.selectFrom('representacao').select('id').where('habilitacao_id', '=', h.id).executeTakeFirst();
              if (ja) return;
              await criarRepresentacao(
                trx,
                {
                  usuarioId: h.usuario_id,
                  cnpj: representacao.cnpj,
                  nome: representacao.instituicaoNome,
                  tipo: representacao.tipo,
                  inicio: new Date(a.em),
                  fim: representacao.ate ? new Date(fimDaVigencia(representacao.ate)) : null,
                  documento: `Credenciamento ${h.id}`,
                  processos: representacao.processos,
                  habilitacaoId: h.id,
                },
                a.por,
              );
            }
          : undefined,
      );
    },
    /**
     * Ends an active profile. A credenciamento's representação ends with it; a deactivated cadastro
     * (art. 19: the person's, art. 16 "ato pessoal") ends every representação of the account, the
     * account itself and its open sessions.
     */
    async encerrarPerfil(e: Parameters<typeof encerrarPerfil>[1]): Promise<{ desativadosJunto: string[] }> {
      const h = await obterHabilitacao(db, e.id);
      if (!h || !credenciamento(h)) {
        await encerrarPerfil(db, e);
        return { desativadosJunto: [] };
      }
      await encerrarPerfil(db, e, async (trx, p) => {
        if (e.situacao === 'desativado') {
          await terminarRepresentacoes(trx, { usuarioId: p.usuario_id }, e.em, e.motivo);
          await desativarOutrosCredenciamentos(trx, { id: e.id, usuarioId: p.usuario_id, por: e.por, motivo: e.motivo, em: e.em });
          await trx.updateTable('usuario').set({ ativo: false, atualizado_em: new Date() }).where('id', '=', p.usuario_id).execute();
          await encerrarSessoesDoUsuario(trx, p.usuario_id);
        } else {
          await terminarRepresentacoes(trx, { habilitacaoId: e.id }, e.em, e.motivo);
        }
      });
      return { desativadosJunto: e.situacao === 'desativado' ? await desativadosJunto(db, { id: e.id, usuarioId: h.usuario_id, em: e.em }) : [] };
    },
    /** At least once: a retried activity may send the same message again (never a different one). */
    async avisarHabilitacao(a: { id: string; modelo: ModeloAviso; pendencias?: string[]; motivo?: string }): Promise<void> {
      const h = await obterHabilitacao(db, a.id);
      if (!h) throw new Error(`habilitação ${a.id} não encontrada`);
      const cred = credenciamento(h);
      const def = isPerfilPedido(h.perfil) ? definicaoDoPerfil(h.perfil) : null;
      const perfil = def?.rotulo ?? h.perfil;
      const ola = `Olá, ${h.nome}.`;
      const fim = ['', cred ? `rito — credenciamento de usuário externo (${def!.baseLegal}).` : 'Sistema Presença — acompanhamento da frequência escolar (rito).'];
      const quemAnalisa = cred ? 'a administração do rito' : 'quem habilita este perfil';
      let assunto: string;
      let corpo: string[];
      switch (a.modelo) {
        case 'protocolo': {
          const link = await novoAcesso(h.id, cred ? 'credenciamento' : 'habilitacao');
          assunto = `rito: pré-cadastro de ${perfil} recebido`;
          corpo = [
            ola,
            '',
            `Seu pré-cadastro de ${perfil} foi protocolado em ${formatarInstanteBrasilia(h.protocolado_em.getTime())}.`,
            `A análise cabe a ${quemAnalisa}, em até ${PRAZO_ANALISE_HABILITACAO.dias} dias úteis a partir do protocolo (${PRAZO_ANALISE_HABILITACAO.baseLegal}).`,
            '',
            'Acompanhe o pedido pelo link abaixo (válido por 30 dias; não o compartilhe):',
            link,
          ];
          break;
        }
        case 'pendencia': {
          const link = await novoAcesso(h.id, cred ? 'credenciamento' : 'habilitacao');
          assunto = `rito: pendências no pré-cadastro de ${perfil}`;
          corpo = [
            ola,
            '',
            'A análise do seu pré-cadastro encontrou pendências:',
            ...(a.pendencias ?? []).map((p, i) => `${i + 1}. ${p}`),
            '',
            `Envie os documentos pelo link abaixo. A análise recomeça a cada novo envio (${PRAZO_ANALISE_HABILITACAO.baseLegal}).`,
            link,
          ];
          break;
        }
        case 'habilitado': {
          const token = await emitirTokenSenha(db, h.usuario_id, 'convite');
          const m = mensagemSenha({ nome: h.nome, email: h.email, link: linkSenha(urlPublica, token), finalidade: 'convite' });
          assunto = cred ? 'rito: credenciamento de usuário externo aprovado' : `rito: perfil de ${perfil} habilitado`;
          corpo =
            cred && h.representacao
              ? [
                  `Seu credenciamento como usuário externo foi aprovado por ${h.habilitado_por_nome ?? 'a administração'}.`,
                  `Desde ${dataBR(formatarInstanteBrasilia(h.habilitado_em!.getTime()))} às ${formatarInstanteBrasilia(h.habilitado_em!.getTime()).slice(11, 16)} (horário de Brasília) você atua como ${descreverRepresentacao(h.representacao)}.`,
                  'A partir de agora, os atos e comunicações processuais com a instituição se dão por meio eletrônico (IN SEI-MEC, art. 16, § 6º).',
                  '',
                  m.texto,
                ]
              : [`Seu perfil de ${perfil} foi habilitado por ${h.habilitado_por_nome ?? 'quem o habilita'}.`, '', m.texto];
          break;
        }
        case 'recusa':
          assunto = `rito: pré-cadastro de ${perfil} recusado`;
          corpo = [ola, '', `Seu pré-cadastro de ${perfil} foi recusado.`, `Motivo: ${a.motivo ?? ''}`];
          break;
        case 'encerramento':
          assunto = cred ? 'rito: credenciamento de usuário externo encerrado' : `rito: perfil de ${perfil} encerrado`;
          corpo = [ola, '', cred ? 'Seu credenciamento como usuário externo foi encerrado.' : `Seu perfil de ${perfil} foi encerrado.`, `Motivo: ${a.motivo ?? ''}`];
          break;
      }
      await correio.enviar({ para: h.email, assunto, texto: [...corpo, ...fim].join('\n') });
    },
  };
}

export type HabilitacaoActivities = ReturnType<typeof createHabilitacaoActivities>;
