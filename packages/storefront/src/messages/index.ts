import { defineCatalogues } from '@aldea/core';
import { en, type MessageKey } from './en.js';
import { esMX } from './es-MX.js';
import { zhCN } from './zh-CN.js';

export type { MessageKey };

/** The storefront's UI strings in every shipped language. */
export const catalogues = defineCatalogues<MessageKey>(en, { 'zh-CN': zhCN, 'es-MX': esMX });
