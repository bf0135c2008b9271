import { needsUrgentSupport } from '../../core/safety';

describe('urgent-support detection', () => {
  it.each([
    'I keep thinking about killing myself',
    "I don't want to be here anymore",
    'one of my nurses said she wants to end her life',
    'my colleague has been self-harming',
    'HCA told me he feels suicidal after the shift',
    'I think a member of my team might take her own life',
    'everyone would be better off without me',
    'I can’t go on like this',
    'worried a staff member has taken an overdose',
    'she said she has been cutting herself',
    'I want to die',
    'my hca said she took an od last year and is struggling again',
    'sat in my car in the multi storey and seriously thought about jumping',
    'I thought about driving into the lorry on the way home',
  ])('signposts urgent support for "%s"', (text) => {
    expect(needsUrgentSupport(text)).toBe(true);
  });

  it.each([
    'how do I run a huddle on a busy ward',
    'my team is exhausted after the surge',
    'a patient died on the ward and the team is upset',
    'we need to end the meeting on time',
    'how can I kill time on a quiet night shift',
    'it feels odd without her on the rota',
    'an odd atmosphere at handover today',
    'half my band 6s are thinking about jumping ship to the private sector',
    'my deputy is always jumping at the chance to help',
  ])('does not raise an alarm for "%s"', (text) => {
    expect(needsUrgentSupport(text)).toBe(false);
  });
});
