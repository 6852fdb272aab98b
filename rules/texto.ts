/**
 * Text that PostgreSQL, JSON and the ofícios can all hold. A NUL character is
 * refused by PostgreSQL's text type ("invalid byte sequence 0x00"), and a lone
 * UTF-16 surrogate has no UTF-8 encoding at all: either one, accepted at the
 * edge, would make every later write of the process fail. Pure: the API checks
 * requests with it, and so can any other entry point.
 */

/** Why a string cannot be stored, or undefined when it can. */
export function defeitoDoTexto(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contém o caractere nulo (U+0000), que não pode ser guardado';
  if (!s.isWellFormed()) return 'contém um caractere Unicode incompleto (surrogate isolado)';
  return undefined;
}

export interface TextoDefeituoso {
  /** Dotted path of the offending value ("instituicao.nome", "itens.0"); a key's own path when the key is bad. */
  caminho: string;
  mensagem: string;
}

/**
 * Every string in a parsed JSON value (keys included) that cannot be stored,
 * with its path. Walks iteratively so that a deeply nested body cannot
 * exhaust the stack.
 */
export function textosDefeituosos(valor: unknown, prefixo = ''): TextoDefeituoso[] {
  const achados: TextoDefeituoso[] = [];
  const pilha: Array<[unknown, string]> = [[valor, prefixo]];
  while (pilha.length > 0) {
    const [v, caminho] = pilha.pop()!;
    if (typeof v === 'string') {
      const defeito = defeitoDoTexto(v);
      if (defeito) achados.push({ caminho, mensagem: `O texto ${defeito}.` });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => pilha.push([item, caminho ? `${caminho}.${i}` : String(i)]));
    } else if (v !== null && typeof v === 'object') {
      for (const [chave, item] of Object.entries(v)) {
        const sub = caminho ? `${caminho}.${chave}` : chave;
        const defeito = defeitoDoTexto(chave);
        if (defeito) achados.push({ caminho: textoExibivel(sub), mensagem: `O nome do campo ${defeito}.` });
        else pilha.push([item, sub]);
      }
    }
  }
  return achados;
}

/** The same text with what cannot be stored replaced by U+FFFD, to name it in a message. */
export function textoExibivel(s: string): string {
  return s.toWellFormed().replaceAll('\u0000', '\uFFFD');
}
