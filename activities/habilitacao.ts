/**
 * Side effects of the pedidos de habilitação (workflows/habilitacao): the read
 * model and history, the enabling itself (db/habilitacoes.ts keeps "one per
 * place"), and the e-mails the requester receives at each step.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Correio } from '../api/contas/correio';
import { linkSenha } from '../api/contas/routes';
import { emitirTokenSenha, mensagemSenha } from '../api/contas/service';
import type { Db } from '../db/connect';
import {
  definirAcessoDoPedido,
  efetivarHabilitacao,
  encerrarPerfil,
  obterHabilitacao,
  registrarEventoHabilitacao,
  sincronizarHabilitacao,
} from '../db/habilitacoes';
import { formatarInstanteBrasilia } from '../rules/calendario';
import { DEFINICOES_PERFIL, isPerfilPresenca } from '../rules/habilitacao/perfis';
import { PRAZO_ANALISE_HABILITACAO } from '../rules/habilitacao/prazo';

/** The follow-up link of a pedido lives this long: enough for a pendência and its answer. */
const VALIDADE_ACESSO_MS = 30 * 24 * 3600 * 1000;

export const hashAcesso = (segredo: string) => createHash('sha256').update(segredo).digest('hex');

export const linkAcompanhamento = (urlPublica: string, id: string, segredo: string) => `${urlPublica.replace(/\/$/, '')}/habilitacao/${id}#${segredo}`;

export type ModeloAviso = 'protocolo' | 'habilitado' | 'pendencia' | 'recusa' | 'encerramento';

export function createHabilitacaoActivities(db: Db, correio: Correio, urlPublica: string) {
  /** A new secret for the follow-up link; the previous e-mail's link stops working. */
  async function novoAcesso(id: string): Promise<string> {
    const segredo = randomBytes(32).toString('base64url');
    await definirAcessoDoPedido(db, id, hashAcesso(segredo), new Date(Date.now() + VALIDADE_ACESSO_MS));
    return linkAcompanhamento(urlPublica, id, segredo);
  }

  return {
    async sincronizarHabilitacao(s: Parameters<typeof sincronizarHabilitacao>[1]): Promise<void> {
      await sincronizarHabilitacao(db, s);
    },
    async registrarEventoHabilitacao(e: Parameters<typeof registrarEventoHabilitacao>[1]): Promise<void> {
      await registrarEventoHabilitacao(db, e);
    },
    async efetivarHabilitacao(a: Parameters<typeof efetivarHabilitacao>[1]) {
      return efetivarHabilitacao(db, a);
    },
    async encerrarPerfil(e: Parameters<typeof encerrarPerfil>[1]): Promise<void> {
      await encerrarPerfil(db, e);
    },
    /** At least once: a retried activity may send the same message again (never a different one). */
    async avisarHabilitacao(a: { id: string; modelo: ModeloAviso; pendencias?: string[]; motivo?: string }): Promise<void> {
      const h = await obterHabilitacao(db, a.id);
      if (!h) throw new Error(`habilitação ${a.id} não encontrada`);
      const perfil = isPerfilPresenca(h.perfil) ? DEFINICOES_PERFIL[h.perfil].rotulo : h.perfil;
      const ola = `Olá, ${h.nome}.`;
      const fim = ['', 'Sistema Presença — acompanhamento da frequência escolar (rito).'];
      let assunto: string;
      let corpo: string[];
      switch (a.modelo) {
        case 'protocolo': {
          const link = await novoAcesso(h.id);
          assunto = `rito: pré-cadastro de ${perfil} recebido`;
          corpo = [
            ola,
            '',
            `Seu pré-cadastro de ${perfil} foi protocolado em ${formatarInstanteBrasilia(h.protocolado_em.getTime())}.`,
            `A análise cabe a quem habilita este perfil, em até ${PRAZO_ANALISE_HABILITACAO.dias} dias úteis a partir do protocolo (${PRAZO_ANALISE_HABILITACAO.baseLegal}).`,
            '',
            'Acompanhe o pedido pelo link abaixo (válido por 30 dias; não o compartilhe):',
            link,
          ];
          break;
        }
        case 'pendencia': {
          const link = await novoAcesso(h.id);
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
          assunto = `rito: perfil de ${perfil} habilitado`;
          corpo = [`Seu perfil de ${perfil} foi habilitado por ${h.habilitado_por_nome ?? 'quem o habilita'}.`, '', m.texto];
          break;
        }
        case 'recusa':
          assunto = `rito: pré-cadastro de ${perfil} recusado`;
          corpo = [ola, '', `Seu pré-cadastro de ${perfil} foi recusado.`, `Motivo: ${a.motivo ?? ''}`];
          break;
        case 'encerramento':
          assunto = `rito: perfil de ${perfil} encerrado`;
          corpo = [ola, '', `Seu perfil de ${perfil} foi encerrado.`, `Motivo: ${a.motivo ?? ''}`];
          break;
      }
      await correio.enviar({ para: h.email, assunto, texto: [...corpo, ...fim].join('\n') });
    },
  };
}

export type HabilitacaoActivities = ReturnType<typeof createHabilitacaoActivities>;
