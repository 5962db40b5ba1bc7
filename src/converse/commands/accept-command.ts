import { recommendationAnswerCommand } from '../recommendation-answer-command.js';

/** 采纳 N / accept N: the owner accepts recommendation N of their latest digest. */
export const acceptCommand = recommendationAnswerCommand('accept', 'accepted');
