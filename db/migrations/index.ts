/**
 * Migrations are listed here rather than read from disk, so that they work the
 * same from tsx, from a bundle and in tests. Append new ones, named by date (YYYY_MM_DD_assunto, sorted after the
 * numbered ones); never edit an applied one.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_processo';
import * as m0002 from './0002_contas';
import * as m0003 from './0003_auditoria';
import * as m0004 from './0004_prazos';
import * as m0006 from './0006_processo_detalhes';
import * as m0005 from './0005_documentos';
import * as m20261129 from './2026_11_29_alerta_operacao';
import * as m20261129b from './2026_11_29_tarefa_prazo_alteracao';
import * as m20261129c from './2026_11_29_limite_requisicao';
import * as m20261129d from './2026_11_29_papel_aplicacao';
import * as m20261129Trilha from './2026_11_29_trilha_correlacao_idempotencia';
import * as m20261129Unidade from './2026_11_29_unidade';
import * as m20261129FeriadoMunicipal from './2026_11_29_feriado_municipal';
import * as m20261129DiaDecretadoTipo from './2026_11_29_dia_decretado_tipo';
import * as m20261129Batimento from './2026_11_29_batimento';
import * as m20261129UsuarioFuncional from './2026_11_29_usuario_dados_funcionais';
import * as m20261129EtapVigente from './2026_11_29_etap_vigente';
import * as m20261129InstituicaoMantenedora from './2026_11_29_instituicao_mantenedora';
import * as m20261129Agenda from './2026_11_29_agenda';
import * as m20261129Habilitacao from './2026_11_29_habilitacao';
import * as m20261129Frequencia from './2026_11_29_presenca_frequencia';
import * as m20261129Lotes from './2026_11_29_presenca_lotes';
import * as m20261129HabilitacaoCredenciamento from './2026_11_29_habilitacao_credenciamento';
import * as m20261129Rga from './2026_11_29_rga';
import * as m20261129FrequenciaCasos from './2026_11_29_presenca_frequencia_casos';
import * as m20261129FrequenciaJanelas from './2026_11_29_presenca_frequencia_janelas';
import * as m20261130EstadoNoModelo from './2026_11_30_estado_no_modelo_de_leitura';
import * as m20261130AuditoriaCabeca from './2026_11_30_auditoria_cabeca_travada';
import * as m20261130AuditoriaAnexar from './2026_11_30_auditoria_anexar';
import * as m20261130AuditoriaPendente from './2026_11_30_auditoria_pendente';
import * as m20261130SessaoNotificacoes from './2026_11_30_sessao_notificacoes';

export const migrations: Record<string, Migration> = {
  '0001_processo': m0001,
  '0002_contas': m0002,
  '0003_auditoria': m0003,
  '0004_prazos': m0004,
  '0006_processo_detalhes': m0006,
  '0005_documentos': m0005,
  '2026_11_29_alerta_operacao': m20261129,
  '2026_11_29_tarefa_prazo_alteracao': m20261129b,
  '2026_11_29_limite_requisicao': m20261129c,
  // Grants on every table before it; on tables created after it, through default privileges.
  '2026_11_29_papel_aplicacao': m20261129d,
  '2026_11_29_trilha_correlacao_idempotencia': m20261129Trilha,
  '2026_11_29_unidade': m20261129Unidade,
  '2026_11_29_feriado_municipal': m20261129FeriadoMunicipal,
  '2026_11_29_dia_decretado_tipo': m20261129DiaDecretadoTipo,
  '2026_11_29_batimento': m20261129Batimento,
  '2026_11_29_usuario_dados_funcionais': m20261129UsuarioFuncional,
  '2026_11_29_etap_vigente': m20261129EtapVigente,
  '2026_11_29_instituicao_mantenedora': m20261129InstituicaoMantenedora,
  '2026_11_29_agenda': m20261129Agenda,
  '2026_11_29_habilitacao': m20261129Habilitacao,
  '2026_11_29_presenca_frequencia': m20261129Frequencia,
  '2026_11_29_presenca_lotes': m20261129Lotes,
  '2026_11_29_habilitacao_credenciamento': m20261129HabilitacaoCredenciamento,
  '2026_11_29_rga': m20261129Rga,
  '2026_11_29_presenca_frequencia_casos': m20261129FrequenciaCasos,
  '2026_11_29_presenca_frequencia_janelas': m20261129FrequenciaJanelas,
  '2026_11_30_estado_no_modelo_de_leitura': m20261130EstadoNoModelo,
  '2026_11_30_auditoria_cabeca_travada': m20261130AuditoriaCabeca,
  '2026_11_30_auditoria_anexar': m20261130AuditoriaAnexar,
  '2026_11_30_auditoria_pendente': m20261130AuditoriaPendente,
  '2026_11_30_sessao_notificacoes': m20261130SessaoNotificacoes,
};
