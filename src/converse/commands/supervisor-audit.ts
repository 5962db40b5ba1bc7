import { shiftWeek, weekOf } from '../../calendar/weeks.js';
import { renderSupervisorAudit } from '../../render/render-supervisor-audit.js';
import { splitMessageParts } from '../../render/split-message-parts.js';
import { auditInputsNow, buildSupervisorAudit } from '../../weeks/build-supervisor-audit.js';
import type { Command } from '../command.js';
import { readWeekArg, weekOutOfRange } from '../command-args.js';
import { answer, refuse } from '../reply.js';

/**
 * 审计 [WEEK] / audit [WEEK]: the supervisors' audit of last week (or WEEK), limited to the asker's
 * configured units: aggregates only, figures about fewer than recommend.minPeople people blanked.
 */
export const auditCommand: Command = {
  name: 'audit',
  words: ['审计', 'audit'],
  access: 'supervisor',
  help: (text) => text.help.audit,
  run({ store, config, clock, text, roles, analyses, word }, args) {
    const read = readWeekArg(args, roles.contactId, config.timezone);
    if (read === 'other') return refuse(text.refusedOthers(word));
    const week = read ?? shiftWeek(weekOf(clock.now(), config.timezone), -1, config.timezone);
    const outOfRange =
      read === undefined ? null : weekOutOfRange(store, week, clock.now(), config.timezone, text);
    if (outOfRange) return answer(outOfRange);
    const inputs = auditInputsNow(store, config, week, (w) => analyses.analysisNow(w));
    const audit = buildSupervisorAudit(inputs, config, week, {
      supervisorId: roles.contactId,
      analysis: analyses.analysisNow(week),
      recommendations: analyses.recommendationsNow(week),
    });
    if (audit.total.groups === 0) return answer(text.noAudit(week));
    const rendered = renderSupervisorAudit(audit, 'text', config.locale);
    return answer(...splitMessageParts(rendered, config.recommend.digest.maxPartChars));
  },
};
