import type { Messages } from '@aldea/core';
import type { ApiTokensMessageKey } from './en.js';

/** Textos en español (México) de las pantallas de tokens de API. */
export const apiTokensEsMX: Messages<ApiTokensMessageKey> = {
  'apiTokens.title': 'Tokens de API',
  'apiTokens.platformTitle': 'Tokens de API de la plataforma',
  'apiTokens.intro':
    'Un token deja que un programa (sincronizar existencias, exportar pedidos, una herramienta de envíos) use esta tienda por la API JSON, solo con los permisos que marques. Dale a cada programa su propio token y revócalo cuando ya no lo uses.',
  'apiTokens.platformIntro':
    'Los tokens de plataforma son para los scripts del operador, como actualizar los tipos de cambio cada día. Dejan de funcionar si quien los creó pierde los permisos de operador.',
  'apiTokens.settingsLink': 'Tokens de API para programas e integraciones',
  'apiTokens.settingsHint': 'Deja que un programa lea o cambie esta tienda por la API JSON.',
  'apiTokens.none': 'Todavía no hay tokens.',
  'apiTokens.new': 'Nuevo token',
  'apiTokens.name': 'Nombre',
  'apiTokens.nameHint': 'Para qué es el token, p. ej. «sincronizar existencias».',
  'apiTokens.scopes': 'Permisos',
  'apiTokens.scopesHint': 'Marca solo lo que el programa necesita. Cambiar incluye ver.',
  'apiTokens.create': 'Crear token',
  'apiTokens.prefix': 'Empieza con',
  'apiTokens.created': 'Creado el {date}',
  'apiTokens.lastUsed': 'Último uso: {date}',
  'apiTokens.neverUsed': 'Nunca usado',
  'apiTokens.revokedAt': 'Revocado el {date}',
  'apiTokens.live': 'Activo',
  'apiTokens.revoked': 'Revocado',
  'apiTokens.revoke': 'Revocar',
  'apiTokens.createdTitle': 'Token «{name}» creado',
  'apiTokens.copyNow':
    'Copia este token ahora y guárdalo en un lugar seguro. Solo se muestra esta vez: Aldea guarda únicamente una huella de él.',
  'apiTokens.yourToken': 'Tu nuevo token',
  'apiTokens.copyHint':
    'Toca el recuadro, selecciona todo y cópialo. Los programas lo envían así: Authorization: Bearer <token>',
  'apiTokens.copied': 'Ya lo copié: volver a los tokens',
  'apiTokens.confirmTitle': '¿Revocar «{name}»?',
  'apiTokens.confirmBody':
    'Los programas que usan el token que empieza con {prefix} dejan de funcionar de inmediato. No se puede deshacer: crea un token nuevo si lo vuelves a necesitar.',
  'apiTokens.confirm': 'Sí, revocarlo',
  'apiTokens.alreadyRevoked': 'Este token ya estaba revocado.',
  'apiTokens.flash.revoked': 'Token revocado.',
  'apiTokens.error.scopes': 'Marca al menos un permiso.',
  'apiTokens.error.scope': 'Este permiso no existe.',
  'apiTokens.error.nameChars': 'No uses < ni > en el nombre.',
  'apiTokens.scope.catalog:read': 'Ver productos, existencias y precios',
  'apiTokens.scope.catalog:write': 'Cambiar productos, existencias y precios',
  'apiTokens.scope.orders:read': 'Ver pedidos',
  'apiTokens.scope.orders:write': 'Enviar, cancelar y reembolsar pedidos',
  'apiTokens.scope.settings:read': 'Ver la configuración de la tienda',
  'apiTokens.scope.settings:write': 'Cambiar la configuración de la tienda',
  'apiTokens.scope.fx:write': 'Fijar tipos de cambio',
};
