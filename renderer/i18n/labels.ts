// Names of halls and of shared/ enums in the current language (the Chinese ones come from shared/).
import { hallName } from '../../shared/halls';
import type { Role } from '../../shared/protocol/primitives';
import type { EventType } from '../../shared/protocol/events';
import { en } from './en';
import { currentLanguage, t, translated } from './index';
import { zhCN } from './zh-CN';

/** A seed hall's name in the current language; a hall an admin added keeps the name the hub knows. */
export const hallLabel = (hallId: string): string => translated(`hall.${hallId}`, hallName(hallId));

export const rolesLabel = (roles: readonly Role[]): string => roles.map((r) => t(`role.${r}`)).join(t('common.listSeparator'));

/** An event type's name. Read from the resources directly: event types contain the key separator. */
export const eventLabel = (type: EventType): string => (currentLanguage() === 'en' ? en : zhCN).event[type];

/** A seed hall's city, short, for lists and filters. */
export const cityLabel = (hallId: string): string => translated(`city.${hallId}`, hallId);
