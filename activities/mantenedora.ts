/**
 * What the mantenedora's rite changes outside its workflow: from the edital's
 * publication, a new representante legal is who may act for the institution in
 * rito. The mandates of representante legal of the mantenedora (CNPJ) end at the
 * start of the publication day and the new one begins then (documento: the
 * edital); the history of mandates stays. The account is found by e-mail, or
 * created without a password (an administrator sends the invitation: rito does
 * not e-mail from a workflow). Each change is audited, as the rite's own act.
 */
import type { Db } from '../db/connect';
import { encadearPendentes } from '../api/auditoria/encadeador';
import { registrarAuditoria } from '../api/auditoria/registro';
import { criarRepresentacao, criarUsuario, usuarioPorEmail } from '../api/contas/service';
import { inicioDoDiaBrasilia, lerData } from '../rules/calendario';

const RITO = { id: 'sistema', nome: 'rito (sistema)', papeis: ['sistema'] };

export function createMantenedoraActivities(db: Db) {
  return {
    async trocarRepresentanteLegal(c: {
      processoId: string;
      edital: string;
      publicacao: { data: string };
      novo: { nome: string; email: string };
    }): Promise<{ usuarioId: string; contaCriada: boolean }> {
      const p = await db.selectFrom('processo').select(['instituicao_cnpj', 'instituicao_nome', 'mantenedora_nome']).where('id', '=', c.processoId).executeTakeFirstOrThrow();
      const inicio = new Date(inicioDoDiaBrasilia(lerData(c.publicacao.data, 'publicacao.data')));
      const feito = await db.transaction().execute(async (trx) => {
        let conta = await usuarioPorEmail(trx, c.novo.email);
        const contaCriada = !conta;
        if (!conta) {
          conta = await criarUsuario(trx, { nome: c.novo.nome, email: c.novo.email, papeis: ['representante'], unidade: null }, RITO.id);
          await registrarAuditoria(trx, { ator: RITO, acao: 'usuario.criar', recurso: 'usuario', recursoId: conta.id, processoId: c.processoId, resumo: `Conta criada para o novo representante legal ${conta.nome} (${c.edital}); convite a enviar pelo administrador` });
        }
        // Idempotent: a retry finds the mandate this edital created.
        const ja = await trx.selectFrom('representacao').select('id').where('usuario_id', '=', conta.id).where('instituicao_cnpj', '=', p.instituicao_cnpj).where('documento', '=', c.edital).executeTakeFirst();
        if (ja) return { usuarioId: conta.id, contaCriada: false };
        const encerradas = await trx
          .updateTable('representacao')
          .set({ fim: inicio })
          .where('instituicao_cnpj', '=', p.instituicao_cnpj)
          .where('tipo', '=', 'representante-legal')
          .where('usuario_id', '!=', conta.id)
          .where((eb) => eb.or([eb('fim', 'is', null), eb('fim', '>', inicio)]))
          .where('inicio', '<', inicio)
          .returning(['id', 'usuario_id'])
          .execute();
        const r = await criarRepresentacao(
          trx,
          { usuarioId: conta.id, cnpj: p.instituicao_cnpj, nome: p.mantenedora_nome ?? p.instituicao_nome, tipo: 'representante-legal', inicio, fim: null, documento: c.edital },
          RITO.id,
        );
        await registrarAuditoria(trx, {
          ator: RITO,
          acao: 'representacao.criar',
          recurso: 'usuario',
          recursoId: conta.id,
          processoId: c.processoId,
          resumo: `Representante legal de ${p.instituicao_cnpj} a partir de ${c.publicacao.data}: ${conta.nome} (${c.edital}); ${encerradas.length} mandato(s) anterior(es) encerrado(s)`,
          dados: { representacao: r.id, encerradas: encerradas.map((e) => e.id) },
        });
        return { usuarioId: conta.id, contaCriada };
      });
      // Its entries wait in the audit outbox; chained now (bounded) rather than at an API instance's next run.
      await encadearPendentes(db);
      return feito;
    },
  };
}

export type MantenedoraActivities = ReturnType<typeof createMantenedoraActivities>;
