import path from 'node:path';
import { ContentRegistry } from '../../core/content/registry';
import { SafetyCheck } from '../../core/safety';
import { featuresOf, RiskModel } from '../../core/safety-model';

const library = ContentRegistry.open(path.join(__dirname, '../../content'), () => new Date()).current();
const safety = new SafetyCheck(library.warningSigns);
const levelOf = (text: string) => safety.assess(text).urgency;

describe('urgent-support detection', () => {
  it.each([
    'I keep thinking about killing myself',
    'one of my nurses said she wants to end her life',
    'my colleague has been self-harming',
    'HCA told me he feels suicidal after the shift',
    'I think a member of my team might take her own life',
    'worried a staff member has taken an overdose',
    'she said she has been cutting herself',
    'I want to die',
    'my hca said she took an od last year and is struggling again',
    'sat in my car in the multi storey and seriously thought about jumping',
    'I thought about driving into the lorry on the way home',
    'she said the ligature points on the ward look tempting some days',
    'i know how and where now, the reservoir after my last shift',
    'written a letter for the kids, saturday is it',
    'got the hosepipe sorted for saturday',
    'blade is in my bag, going to the park after work and not coming back',
    'my band 6 messaged a picture from the top of the car park saying this is where it all ends',
    'left the letters on the side, last set of nights then im driving up to the viaduct',
    'my uncle did it with insulin, i can get it from the ward and ive set the date',
    'he rang from the layby, says he took a whole packet of co-codamol and wants me to feed his dog',
    'cd balance is going to be short on saturday, sorry, i wont be around to sort it',
    'been bringing insulin home from the unit for a month. tonight could be the night',
    "she texted that she's cutting deep and doesnt want anyone to find her",
    "one of our carers locked herself in a clients bathroom and says she's cutting deep this time",
    'belts over the door in the staff toilet, not joking',
    'found my porter sat in his car in the garage with the engine running and a hose',
    'if the 0745 is late again im stepping in front of the next one',
    'she showed me tablets she has stashed in her locker, says sunday is the day',
    'he has worked out how much insulin he would need and says he is doing it tonight',
    'ive got a plan and the stuff for it sorted, it happens after my last night',
    'swallowed around 25 of my tablets about twenty mins ago',
    'my band 6 texted that shes gonna od when her shift finishes',
    'i want to end it all tonight',
    'she says she has chosen to end things after this shift',
    'the viaduct on friday after work. dont try to talk me out of it',
    'parked on the top level of the multi storey at work, staring at the drop',
    'sat in my car up at the quarry with the hosepipe ready',
    'my deputy says she has her late dads tablets in her bag and is taking them tonight',
    'the bridge over the bypass at 6 when i finish, joking but not really',
    'my crewmate said the level crossing after work and he wasnt joking',
    'my deputy phoned from the top of the hospital car park saying shes going to jump',
    'anyone know how much paracetamol it takes, doing it tomorrow when the house is empty',
    'she posted in the group that tonight is the night and now we cant reach her',
    'waiting on the platform for the fast train, not planning on getting on it',
    'my porter said hes heading to the cliffs in the morning and hes not coming back, now his phone is off',
    'sat in my car next to the railway line, i cant do this any more',
    'finally decided. after my last night shift. i have everything i need',
    'parked on the top deck of the multi storey again, not coming down the stairs this time',
    'she put bye all in the team chat and says she has taken everything from her bathroom cabinet',
    'the plan is the flyover on the ring road after my late shift',
    'she has locked herself in the staff loo with a razor and wont open the door',
    'he said the morphine he has been hoarding is for this weekend',
    'my deputy says she has picked a date and will not tell me how',
    'the belt is already up on the bannister, i just wanted someone to know',
    'my band 6 is planning it for this weekend and has a pile of tablets',
    'the drop from the car park roof looks so peaceful, might go up on my break',
    'she is going to take her dads morphine when she gets home',
    'my paramedic phoned me from the cliffs by the lighthouse asking me to tell everyone she is sorry',
    'he told me after handover he will use the oramorph in his bag on himself tonight',
    'got a plan and everything i need now so please dont fuss',
    'going to walk onto the level crossing after nights',
    'she sent a photo of the viaduct with one last sunset written under it',
    'the tablets came in the post today, just need to pick the night',
    'today im done. notes for the kids are in the car',
    'my notes are written, husband is away this weekend so thats when',
    'she is going to end it once the kids are asleep tonight',
    'rang in sick from the park with a bag of tablets, just wanted to say thanks for everything',
    'got the hose for the exhaust ready in the garage, just wanted to say sorry',
    'ordered the pills online. tomorrow.',
    'ive planned it for my rest day, the hose on the exhaust in the garage. just want the rota covered first',
    'if the inspection doesnt finish me off the potassium will, already drawn it up',
    'the footbridge by the station looks more and more tempting, might go after this meeting',
    'my deputy sent a text saying shes ending it after her shift today and her phone is now off',
    'stood at the station waiting for the fast one, not the stopping one if you get me',
    'walking up to the top floor of the multi storey after this and going to step off',
    'my healthcare assistant is on the car park roof and will not come away from the edge',
    'been swallowing paracetamol all afternoon and lost count, no ambulance please',
    'he has a bag of his dads oxycodone and says hes taking it all tonight',
    'letters written for the kids and my partner, ill be gone before handover',
    'parked in a lay by thinking about just walking out in front of the traffic',
    'on the top floor of the car park, no way out except over the edge',
    'if i put the car into a wall on the m6 tonight it will not be an accident',
    'wont need my study leave, got enough out of the ward stock in my locker to make sure',
    'my deputy says she has a plan and has written her letters, its for saturday',
    'heading up the multi storey after my shift. just wanted someone to know',
    'he is at the station and says this is the last shift anyone will have to cover for him',
    'she left a note saying she cant go on, phone off, and there are tablets missing from the cd cupboard',
    'driving to the viaduct after my shift and thats it, tell my staff im sorry',
    'she texted tell the kids i love them, im at the seafront and im walking out',
    'sorry for the odd message, im at the station and the fast ones come through at 7, i cant do this',
    'she left a card thanking me for everything and said she has a plan for after work',
    'been saving my tablets for months, got enough now, doing it weds when the house is empty',
    'the rope is already in the boot, just need to get through this shift first',
    'took the rest of my dads morphine an hour ago, sorry',
    'booked a hotel on my own for saturday, got everything i need',
    'tablets are all out on the table and ive had a few drinks',
    // A place with a means named is immediate, as everywhere else in the check.
    'one of my circle members keeps mentioning the viaduct and how quiet it gets after dark',
    'my sister in charge says she looks at the viaduct on her drive in and wonders',
  ])('treats "%s" as immediate', (text) => {
    expect(levelOf(text)).toBe('immediate');
  });

  it.each([
    "I don't want to be here anymore",
    'everyone would be better off without me',
    'I can’t go on like this',
    'honestly i just wish i could disappear',
    "she's been giving away all her things this week",
    'im such a burden on everyone at home and at work',
    'sometimes on the drive home i think about letting go of the wheel',
    'hoping i get hit by a car on the way in',
    'what do i say to someone who told me they want to dissapear forever',
    'after the inquest she told me she gets why he did it and thinks about the same thing sometimes',
    "she said she'd rather be six feet under than face another winter on this ward",
    'my colleague keeps saying she is only a nuisance to everyone and her kids would be better with the insurance money',
    'i cant see any future for me anymore',
    'i scratch my legs till they bleed after bad shifts',
    'my hca has both wrists bandaged again and says she caught them on the oven',
    'noticed the new starter scratching at her wrists all through handover',
    'punched the lockers until my knuckles split, it helps weirdly',
    'crewmate keeps bringing up the viaduct we were called to last month',
    'one of my nurses asked how much sertraline would be toxic, we have nobody on it',
    'she has been reading up on which trains dont stop at the station',
    'since the inspection i have started looking at the drug cupboard differently',
    'he sent thank you cards to the whole team but he is not going anywhere',
    'she posted a long goodbye thing on facebook then deleted it',
    'keep hoping i catch the flu off someone and it finishes me off',
    'writen my note, it is in the glovebox. thanks for everything x',
    'been putting a few of my sleepers aside each week, just in case',
    'told my partner i keep my old prescription in the drawer in case i ever need a way out',
    'whatever happens on this ward nothing i do matters',
    'she handed me her whole teaching folder and said youll need it more than me soon',
    'one of my carers keeps asking which tablets are most dangerous, and she has been so low lately',
    'asked me if her pension would go to her children if she died, out of the blue',
    'made the handover file so thorough that nobody will ever need me again',
    'if this winter doesnt finish me off ill do it myself haha',
    'she wrote cards for everyone on the team and cleared her locker, she has not resigned',
    'the patient died on our ward and my nurse keeps saying she does not deserve to be here',
    'been slapping myself after every shift, leaves marks',
    'she told me she wishes she hadnt woken up today',
    'he messaged me a thank you note for everything as if he was going for good',
    'wanted my staff to know i loved them before, well, anyway',
    'this audit is killing me and honestly id be fine if it actually did',
    'since her husband died my receptionist keeps saying she wants to be with him now',
    'was on the platform yesterday and thought about it for a second',
    'keep thinking id be happier not being here at all',
    'saw old scars all up my deputys forearms when she rolled up her sleeves',
    'porter came back with plasters all up his wrists and says the dog did it',
    'someone in my circle keeps saying this is probably her last session anyway',
    'this rota is killing me and id be fine if something actually did',
    'been punching the walls in the store room when nobody is looking',
    'my theatre tech said we wont have to put up with him much longer, and he is nowhere near retiring',
  ])('checks in on a single warning sign: "%s"', (text) => {
    expect(levelOf(text)).toBe('check-in');
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
    'this rota is killing me',
    'could murder a coffee, dead on my feet after that night',
    'what do i say if someone in my circle hints at hurting themselves',
    '17 year old overdose in resus did not survive, how do i debrief the nurses',
    'four overdose admissions overnight and the team are flat',
    'the new self harm referral pathway is stressing my team',
    'retiring next month and i have written thank you cards for the whole team',
    'ligature audit found cords over doors in two bedrooms',
    'nasty rtc on the bypass last night and the crew are all over the place',
    'first time facilitating next month, what if a participant says she feels suicidal, what do i do',
    'written my notes for the appraisal and left them on your desk',
    'we have a ligature risk audit on the ward next week, how do I get the team on board',
    'updating our self-harm policy and the team find it heavy going',
    'patient in bay 4 took a paracetamol overdose, how do I support the student who found her',
    'a resident died by suicide last month and the carers are still shaken',
    "lovely leaving do for Sue, she said thank you for everything and she's off to her new job",
    "Pat's retiring and has been giving away all her old uniforms and books",
    'crew attended a paediatric suicide yesterday, both of them are very quiet today',
    'one of our tenants self harms most nights and the staff in that house are ground down',
    'we had a patient take his own life last week and the GP is blaming herself',
    'new self harm and observation policy coming in and staff worry they will be blamed',
    'the cakes in the staff room look tempting after a night shift',
    'how long is a leadership support circle',
    'how long is the wait for occupational health at the moment',
    'i know exactly how and when to escalate a deteriorating patient',
    "she's not coming back to this trust after mat leave",
    "i'm resigning on friday, don't try to talk me out of it",
    'an overdose came in at 3am and the night team are shaken',
    'what do i do if someone in my circle says they have been self harming',
    'heading to the coast this weekend and not coming back till monday',
    'we had a 19 year old in with an overdose who died, the nurses are devastated',
    'what should i do as a new facilitator if someone ever talks about ending their life? want to be prepared',
    'she doesnt want anyone to find her crying in the office, how do i approach it',
    'i know exactly how many staff i need for the winter rota',
    'the stock count will be short because pharmacy didnt deliver',
    'how do i close my first circle well and end it on a positive note',
    'when the audit ends or the inspectors leave do we bin it all',
    'the coroner says the death was a suicide and the team keep asking me questions',
    'i was his manager and people ask if i saw it coming. he chose to end things in march',
    'been killing myself doing extra shifts to cover sickness, how do i ask for help',
    'the team were killing themselves laughing at the christmas do',
    'a patient told me she wanted to die and i froze, how do i debrief myself',
    'lost a teenager in resus last night, overdose, the team are flat',
    'we had an overdose in a 16 yr old on nights and the crew are rattled',
    'how do i get my team confident at asking about suicide',
    'our receptionist is off sick with cancer and said her goodbyes to the team, how do we keep her included',
    'if someone in my circle ever says they want to end it all, what am i supposed to do',
    'the team keep taking every bad shift home with them',
    'the hoist service is overdue, who books it',
    'how cold is it going to get tonight',
    'our morning huddle is a waste of space',
    'staff feel they let patients down every shift',
    'our matron retires friday and the team are gutted, how do i keep them going once shes gone',
    'how should a facilitator respond if someone in a circle hints at wanting to end things',
    'a young man came in with a paracetamol overdose and my students are upset',
    'police brought a woman into the 136 suite after she tried to jump, my staff were shaken',
    'a lad from our crew took his own life last spring, how do we mark the anniversary',
    'can a resident have paracetamol with her ibuprofen',
    'a nurse gave a double overdose of morphine by mistake and is in bits',
    'the team think it was suicide but the coroner has not said',
    'shes dying of boredom on light duties',
    'killing myself with this audit prep',
    'i want to be ready in case someone in my circle says they feel suicidal, what do i say',
    'killing myself doing back to back lates this month',
    'our crew went to a call where a young man had hanged himself, how do we look after each other this week',
    'my deputy told me her teenage daughter has been self harming and she is struggling to concentrate',
    'running a session on suicide awareness for the new band 5s next month',
    'what is the top of band 7 at the moment',
    'i am going to die of exhaustion if this rota carries on',
    'it is a year since we lost our porter to suicide, ideas for marking it',
    'how do i tell my supervisors what to do if they cannot get hold of me on the weekend',
    'overdose pt in resus died this morning and the nurses are flat',
    'how do we look after each other after a run of deaths on the unit',
    'a young woman came into ed last night after an overdose and did not survive, my nurses are rattled',
    'next months circle is one where the topic is suicide and self harm at work, how do i prepare',
    'a participant brought up self harm in the circle, how should i have handled it',
    'my crews are killing themselves picking up overtime, how do i get them to rest',
    'how do i get staff to stop taking it all home after a bad shift',
    'after the training, how do i ask my team how they are doing themselves',
    'will my pension be affected if i go part time next year',
    'ahead of my first circle, in case a participant hints at suicide what should a facilitator do',
    'patient in bay 2 on 1:1 obs keeps saying he wants to die, my student is upset by it',
    'we lost a much loved member of staff to suicide at the weekend, how do i tell the team',
    'im always hanging around after handover and now the team think they have to as well',
    'my crew were first on scene at a suicide on the motorway, how do i check on them',
    'i had to tell a mother her son had hanged himself and my student was with me',
    'the family said their goodbyes in a four bed bay and my nurses are upset',
    'is it ok to tell the team i got the controlled drugs audit wrong',
  ])('does not raise an alarm for "%s"', (text) => {
    expect(levelOf(text)).toBeUndefined();
  });

  it('tells whether a disclosure is about the writer or a colleague', () => {
    expect(safety.assess('everyone would be better off without me')).toMatchObject({ about: 'self' });
    expect(safety.assess('one of my HCAs has been giving away her things')).toMatchObject({
      about: 'colleague',
    });
  });

  it('reads dropped apostrophes, text-speak and typed slips of the words that matter', () => {
    expect(levelOf('i dont want to be here anymore')).toBe('check-in');
    expect(levelOf('thinkin about sucide tbh')).toBe('immediate');
    expect(levelOf('feel like killing my self')).toBe('immediate');
    expect(levelOf('sent me a pic of a rope in her loft n said tonite')).toBe('immediate');
  });

  // The check is built from the published signs: every phrase of the lexicon, said by a manager about
  // themselves, is caught at its own level or a stronger one.
  it.each(library.warningSigns.map((sign) => [sign.id, sign] as const))(
    'catches every lexicon phrase of the %s sign',
    (_id, sign) => {
      const missed = sign.phrases
        .map((phrase) => phrase.replace(/\*/g, 'it'))
        .filter((phrase) => {
          const level = levelOf(`to be honest ${phrase}, sorry to dump this on you`);
          return level === undefined || (sign.level === 'immediate' && level !== 'immediate');
        });
      expect(missed).toEqual([]);
    },
  );
});

describe('the safety check’s second line', () => {
  const check = SafetyCheck.fromLibrary(library);

  it('reads words and word pairs within a clause, never across punctuation or a span set aside', () => {
    expect([...featuresOf('i cant. do this [work] anymore')].sort()).toEqual(
      ['anymore', 'cant', 'do', 'do this', 'i', 'i cant', 'this'].sort(),
    );
  });

  it('scores words that at-risk examples use above words that ordinary examples use', () => {
    const model = new RiskModel(
      ['no way out', 'no way forward'].map((text) => featuresOf(text)),
      ['rota out', 'huddle forward'].map((text) => featuresOf(text)),
    );
    expect(model.score(featuresOf('no way'))).toBeGreaterThan(0);
    expect(model.score(featuresOf('rota huddle'))).toBeLessThan(0);
    expect(model.score(featuresOf('unseen words only'))).toBe(0);
  });

  it('with pooled smoothing, counts a word seen once in the much larger class against the smaller one', () => {
    const small = Array.from({ length: 10 }, (_, index) => featuresOf(`printer jammed ${index}`));
    const large = [
      'huddle went well',
      ...Array.from({ length: 200 }, (_, index) => `team question ${index}`),
    ].map((text) => featuresOf(text));
    // Add-one smoothing gives the rare word of the larger class a positive weight when the classes differ a lot.
    expect(new RiskModel(small, large).score(featuresOf('huddle'))).toBeGreaterThan(0);
    expect(new RiskModel(small, large, 2).score(featuresOf('huddle'))).toBeLessThan(0);
    expect(new RiskModel(small, large, 2).score(featuresOf('printer'))).toBeGreaterThan(0);
  });

  it('checks in on an indirect message the sign rules pass, and leaves ordinary ones alone', () => {
    expect(
      check.secondLook('honestly cant see myself getting through another winter like this one'),
    ).toMatchObject({ urgency: 'check-in', signs: ['model'] });
    expect(check.secondLook('how do I run a better huddle when half the team are agency')).toEqual({
      urgency: undefined,
    });
  });

  it.each([
    'participant started recording on her phone',
    'a member of my circle keeps checking her phone while others are talking',
    'my circle was dead quiet tonight, nobody would say a thing for half an hour',
  ])('leaves a facilitator’s question about a circle alone: "%s"', (text) => {
    expect(check.secondLook(text)).toEqual({ urgency: undefined });
  });

  it('never reads a planned farewell as a disclosure', () => {
    expect(
      check.secondLook('writing a thank you for everything card for my deputy who is leaving for a new job'),
    ).toEqual({ urgency: undefined });
  });
});
