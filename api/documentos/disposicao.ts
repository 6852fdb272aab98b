/** RFC 6266/5987 Content-Disposition with an ASCII fallback (the UTF-8 name in filename*). */
export function disposicao(tipo: 'inline' | 'attachment', nome: string, padrao = 'arquivo'): string {
  const ascii = nome.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || padrao;
  return `${tipo}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nome)}`;
}
