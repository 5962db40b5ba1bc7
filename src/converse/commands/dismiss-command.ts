import { recommendationAnswerCommand } from '../recommendation-answer-command.js';

/** 忽略 N / dismiss N: the owner dismisses recommendation N of their latest digest. */
export const dismissCommand = recommendationAnswerCommand('dismiss', 'dismissed');
