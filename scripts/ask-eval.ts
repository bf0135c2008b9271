import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Answerer, Intent } from '../core/answering/ask';
import { THEME_IDS } from '../core/content/model';

/** Where the labelled question sets live. */
export const EVAL_DIR = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..',
  'tests',
  'fixtures',
);

/**
 * The parts, each written by someone other than the person tuning the answerer:
 * - "tuned": questions whose misses were read while improving the answerer (the tune file, and the first
 *   holdout file once its misses had been read);
 * - "setAside": written blind; only its totals were seen while tuning, except its urgent misses, which were
 *   read and fixed because a missed crisis is not acceptable. Its misses were read during the ask-quality work,
 *   so it no longer measures unseen wording honestly;
 * - "fresh": written blind after all tuning, never read; the honest measure of unseen wording. During the
 *   ask-quality work its misses stayed unread and its totals were measured only before and after (its first
 *   dozen questions were glimpsed once while checking the file format);
 * - "checkA": written for the ask-quality work before any change, labelled from guide titles and summaries only;
 *   the development set of that work, so its misses were read while improving the answerer;
 * - "checkB": written alongside checkA and never read item by item; only its totals were measured, once before
 *   and once after the ask-quality work: the held-out measure of that work;
 * - "checkC": written after the ask-quality work by someone who saw only the theme and guide titles and summaries
 *   (no examples, keywords, guide bodies or code); measured once, never read item by item.
 * - "safetyDev": written by the engineer tuning the safety check (issue 10) from the kinds and the
 *   warning-signs lexicon; read freely, so it guards what was built and measures nothing unseen;
 * - "devG" and "devH": written for the safety work by two more writers from the same brief (more at-risk
 *   messages and harder decoys), as development data: their misses were read while building the check;
 * - "devJ": written the same way with mostly guide questions (at least three per guide), off-topic and
 *   peer-support questions, as development data for ranking and declining;
 * - "blindD" and "blindE": written for the safety work (issue 10) by two writers who never saw the code, the
 *   warning-signs lexicon or each other's sets, from a one-paragraph brief: at-risk messages with a level,
 *   ordinary questions with patient-work decoys, off-topic questions. Measured once before and once after the
 *   safety work before anyone read them (before: urgent recall 42.0% / 33.3%; after: 74.0% / 75.0%); their misses
 *   were then read and fixed, so from then on they are development data;
 * - "heldF" and "heldI": written blind from the same brief (F alongside D and E, I later) and kept unread; measured
 *   once, after all the safety work of issue 10. Never read them item by item and never tune against their totals:
 *   they are the honest measure of unseen wording. Measured a second time after the safety model was added.
 * - "heldK" and "heldL": written blind from the same brief after F and I had been measured, kept unread, and
 *   measured once, at the end of the issue-10 work.
 * - In the fourth round of the safety work, after F, I, K and L had each been measured before and after, their
 *   misses were read and fixed (F 85.4→100%, I 94.3→100%, K 88.5→98.1%, L 94.0→100% urgent recall): from then on
 *   all four are development data (devF, devI, devK, devL), and two new sets, M and N, written blind from the same brief, are the measure: measured once before (urgent
 *   recall 81.1% / 89.1%) and once after (83.0% / 89.1%) the fourth round, never read, and not asserted on by the tests.
 * - Fifth round: two more sets written blind by new writers from the same brief (guide catalogue only), O and P,
 *   each measured once on arrival (urgent recall 97.8% / 91.7%). O's misses were then read and fixed, so O is
 *   development data from then on (devO: 97.8→100% urgent recall, 2→0 false alarms, asserted by the tests); P stays
 *   unread and is measured once more at the end of the round. A third set, Q, arrived after O's fixes, was measured
 *   once (urgent recall 85.1%, 3 false alarms in 68, off-topic 12/15), then read and fixed the same way (devQ: 100%,
 *   none, 14/15).
 *   P, measured again at the end of the round without being read: urgent recall 91.7→91.7%, false alarms 2→1 in 66,
 *   off-topic 14→14 of 15, top-1 82.6→84.8%, top-3 91.3→93.5%. The fixes from O and Q did not reach P's misses.
 * - Later rounds (R–Z2) are described in the closing notes: R, S, T, W, X and Y became development data, U, V, Z1 and
 *   Z2 stayed unread ("held").
 * - December 2026, third session: six more writers from the same brief. AA, AB and AC were measured once on arrival
 *   and kept unread for the end of the session (held). AD, AE and AF were measured once on arrival (urgent recall
 *   94.0% / 100% / 97.9%, top-1 86.0% / 85.5% / 94.1%), then read and fixed: development data (devAD, devAE, devAF).
 *   AG, AH and AI arrived after the guide finder had learned content/guide-questions.yaml and the scope model was in:
 *   on arrival urgent recall 100% / 100% / 98.0%, false alarms 1 / 1 / 2, off-topic 15 / 14 / 14 of 15, top-1 98.0% /
 *   90.0% / 95.8%, top-3 98.0% / 98.0% / 95.8%; then read and fixed (devAG, devAH, devAI). AJ, AK and AL were
 *   measured once on arrival after that and kept unread (held). AM, AN and AO arrived after the pooled scope model:
 *   urgent recall 100% / 98.0% / 100%, false alarms 0 / 1 / 1, off-topic 14 / 14 / 16 of 15–16, top-1 91.8% / 98.0% /
 *   93.9%; then read and fixed (devAM, devAN, devAO).
 *   AA, AB, AC, AJ, AK and AL were measured once more after that, still unread (heldAA … heldAL). Then six more
 *   writers: AP, AQ and AR measured on arrival (b44b3ba) and kept unread (held); AS, AT and AU measured on arrival
 *   (urgent recall 100% each, false alarms 0 / 0 / 3, top-1 95.8% / 94.0% / 94.0%), then read and fixed (devAS,
 *   devAT, devAU). Last, AV, AW and AX, measured on arrival at 0252085 (urgent recall 97.9% / 100% / 100%, false
 *   alarms 0 / 1 / 0, off-topic 15 of 15 each, top-1 93.8% / 98.0% / 94.3%, top-3 97.9% / 98.0% / 98.1%), then read
 *   and fixed (devAV, devAW, devAX).
 * - December 2026, fourth session: eight more writers from the same brief, all measured once on arrival at a0acf5c.
 *   AY, AZ, BA, BB and BC (urgent recall 100% / 93.9% / 95.8% / 100% / 97.9%, false alarms 0 / 1 / 2 / 0 / 1,
 *   off-topic 15 / 14 / 14 / 15 / 14 of 15, top-1 96.2% / 83.3% / 93.8% / 93.8% / 91.7%) were then read and fixed
 *   (devAY … devBC); BD, BE and BF are kept unread (heldBD … heldBF). After those fixes (677e103), five more: BG, BH,
 *   BI, BJ and BK (urgent recall 100% / 100% / 98.0% / 100% / 96.0%, false alarms 0 / 2 / 2 / 1 / 0, off-topic 14 /
 *   13 / 14 / 15 / 15 of 15, top-1 98.0% / 86.0% / 90.2% / 89.8% / 91.7%), then read and fixed (devBG … devBK).
 *   After those fixes (e67a815), eight more, measured on arrival: BL, BM, BN and BO (urgent recall 100% / 98.0% / 100%
 *   / 100%, false alarms 0 / 2 / 1 / 2, off-topic 14 / 15 / 15 / 13 of 15–16, top-1 94.0% / 87.8% / 87.8% / 91.8%),
 *   then read and fixed (devBL … devBO); BP, BQ, BR and BS are kept unread (heldBP … heldBS). After the next fixes
 *   (e86c65c), BT, BU, BV, BW and BX, measured on arrival (urgent recall 100% / 100% / 98.0% / 100% / 100%, false
 *   alarms 0 / 2 / 0 / 1 / 3, off-topic 15 / 13 / 13 / 15 / 15 of 15, top-1 92.0% / 92.2% / 88.7% / 94.2% / 90.0%),
 *   then read and fixed (devBT … devBX). After those (4ebbc31), BY, BZ, CA, CB and CC on arrival (urgent recall 100% /
 *   100% / 98.0% / 100% / 100%, false alarms 1 / 0 / 0 / 0 / 1, off-topic 14 / 15 / 15 / 15 / 14 of 15, top-1 90.0% /
 *   93.9% / 92.6% / 85.7% / 94.0%), then read and fixed (devBY … devCC). After those (f904a05), eight more on
 *   arrival: CD, CE, CF and CG kept unread (heldCD … heldCG); CH, CI, CJ and CK (urgent recall 100% / 96.0% / 100% /
 *   98.0%, false alarms 0 / 1 / 0 / 0, off-topic 15 of 15 each, top-1 92.0% / 93.9% / 96.0% / 94.8%) read and fixed
 *   (devCH … devCK). Last (e369d13): CL, CM, CN and CO kept unread (heldCL … heldCO); CP, CQ, CR and CS (urgent recall
 *   100% each, false alarms 3 / 3 / 0 / 0, off-topic 15 / 14 / 15 / 14 of 15, top-1 88.0% / 88.0% / 95.9% / 92.0%) read
 *   and fixed (devCP … devCS). Then (7b66221): CT, CU, CV and CW kept unread (heldCT … heldCW); CX, CY, CZ and DA
 *   (urgent recall 100% each, false alarms 0 / 1 / 1 / 0, off-topic 15 / 15 / 13 / 12 of 15, top-1 95.9% / 93.9% /
 *   84.3% / 98.0%) read and fixed (devCX … devDA). Then (5f6f8d6): DB, DC, DD and DE kept unread (heldDB … heldDE);
 *   DF, DG, DH and DI (urgent recall 97.9% / 97.9% / 100% / 95.8%, false alarms 1 / 1 / 0 / 0, off-topic 14 / 15 / 15
 *   / 14 of 15, top-1 100% / 90.0% / 96.2% / 91.8%) read and fixed (devDF … devDI). Then (2f8049b): DJ, DK, DL and DM
 *   kept unread (heldDJ … heldDM); DN, DO, DP and DQ (urgent recall 100% / 97.9% / 100% / 100%, false alarms 1 / 1 / 0
 *   / 2, off-topic 14 / 14 / 14 / 15 of 15, top-1 92.0% / 93.9% / 93.9% / 91.7%) read and fixed (devDN … devDQ).
 *   Last (847c88d): DR, DS, DT, DU and DV kept unread (heldDR … heldDV); DW, DX and DY (urgent recall 100% / 100% /
 *   98.0%, false alarms 3 / 1 / 0, off-topic 14 / 15 / 15 of 15, top-1 89.8% / 85.7% / 98.0%) read and fixed (devDW …
 *   devDY). Then eight more, DZ, EA, EB, EC, ED, EE, EF and EG, measured once on arrival at the session's final code
 *   (ed26c36) and kept unread (heldDZ … heldEG). Last, on the same code: EL, EM, EN and EO kept unread (heldEL …
 *   heldEO); EH, EI, EJ and EK (urgent recall 100% / 100% / 97.9% / 100%, false alarms 0 / 0 / 2 / 0, off-topic 15 / 14 /
 *   15 / 13 of 15, top-1 93.8% / 96.2% / 90.2% / 93.9%) read and fixed (devEH … devEK).
 * - The next session (from e87d689): EP, EQ, ER, ES, ET and EU (urgent recall 100% / 100% / 97.9% / 100% / 97.9% /
 *   100%, false alarms 0 / 0 / 2 / 1 / 0 / 0, off-topic 15 of 15 each, top-1 98.0% / 95.8% / 90.2% / 92.3% / 94.2% /
 *   98.0%) read and fixed (devEP … devEU). Then (8c8909b): EV, EW, EX, EY and EZ (urgent recall 100% / 100% / 97.9% /
 *   98.0% / 100%, false alarms 2 / 0 / 1 / 0 / 0, off-topic 15 / 14 / 14 / 15 / 15 of 15, top-1 92.3% / 90.0% / 96.2% /
 *   95.8% / 98.0%) read and fixed (devEV … devEZ). Then (66a7744): FE and FF kept unread (heldFE, heldFF); FA, FB, FC
 *   and FD (urgent recall 100% each, false alarms 1 / 0 / 1 / 0, off-topic 15 / 14 / 14 / 15 of 15, top-1 93.8% /
 *   94.2% / 85.7% / 94.3%) read and fixed (devFA … devFD). Then FG, FH, FI, FJ, FK and FL measured on arrival at
 *   7bfb4a4 and kept unread (heldFG … heldFL); then FM, FN, FO, FP, FQ, FR, FS and FT, measured once on arrival at the
 *   code then current (859f2ff) and kept unread (heldFM … heldFT). After them (843f9cf, the same behaviour): FU, FV,
 *   FW, FX, FY, FZ, GA and GB (urgent recall 97.9% / 98.0% / 100% / 100% / 100% / 97.9% / 100% / 100%, false alarms
 *   0 / 0 / 0 / 2 / 1 / 0 / 0 / 1, off-topic 15 / 14 / 14 / 15 / 15 / 15 / 15 / 15 of 15, top-1 100% / 98.1% / 93.6% /
 *   93.9% / 91.8% / 98.0% / 100% / 95.8%) read and fixed (devFU … devGB). Then (94772d9): GC, GD, GE, GF, GG, GH, GI
 *   and GJ (urgent recall 98.0% / 100% / 100% / 100% / 100% / 100% / 98.0% / 100%, false alarms 0 / 1 / 1 / 0 / 0 / 1 / 0
 *   / 1, off-topic 14 / 15 / 15 / 15 / 15 / 14 / 14 / 14 of 15, top-1 98.0% / 91.8% / 95.8% / 94.2% / 93.8% / 96.2% /
 *   91.8% / 89.4%) read and fixed (devGC … devGJ). Then GK, GL, GM, GN, GO, GP, GQ and GR, measured once on arrival at
 *   41c7b30 and kept unread (heldGK … heldGR). After them (4fba18c, the same behaviour): GS, GT, GU, GV, GW, GX, GY and
 *   GZ (urgent recall 100% / 100% / 100% / 95.9% / 100% / 100% / 100% / 100%, false alarms 1 / 0 / 0 / 1 / 1 / 0 / 1 / 0,
 *   off-topic 15 / 15 / 15 / 15 / 14 / 15 / 14 / 15 of 15, top-1 94.0% / 96.1% / 100% / 95.9% / 95.7% / 95.9% / 96.1% /
 *   90.0%) read and fixed (devGS … devGZ). Then HA, HB, HC, HD, HE, HF, HG and HH, measured once on arrival at the
 *   code then current (21ead03) and kept unread (heldHA … heldHH). After them (same behaviour): HI, HJ, HK, HL, HM, HN,
 *   HO and HP (urgent recall 100% / 97.9% / 100% / 100% / 95.8% / 97.9% / 97.9% / 100%, false alarms 0 / 0 / 1 / 2 / 0 /
 *   1 / 0 / 2, off-topic 14 / 15 / 15 / 15 / 14 / 14 / 15 / 13 of 15, top-1 95.8% / 100% / 92.6% / 90.0% / 96.3% / 94.1%
 *   / 100% / 87.5%) read and fixed (devHI … devHP). Last, HQ, HR, HS, HT, HU, HV, HW and HX, measured once on arrival at
 *   the session's final code (2163739) and kept unread (heldHQ … heldHX).
 */
export const EVAL_SETS = {
  tuned: ['ask-eval-tune.yaml', 'ask-eval-holdout.yaml'],
  setAside: ['ask-eval-blind.yaml'],
  fresh: ['ask-eval-fresh.yaml'],
  checkA: ['ask-eval-check-a.yaml'],
  checkB: ['ask-eval-check-b.yaml'],
  checkC: ['ask-eval-check-c.yaml'],
  safetyDev: ['ask-eval-safety-dev.yaml'],
  devG: ['ask-eval-dev-g.yaml'],
  devH: ['ask-eval-dev-h.yaml'],
  devJ: ['ask-eval-dev-j.yaml'],
  blindD: ['ask-eval-blind-d.yaml'],
  blindE: ['ask-eval-blind-e.yaml'],
  devF: ['ask-eval-dev-f.yaml'],
  devI: ['ask-eval-dev-i.yaml'],
  devK: ['ask-eval-dev-k.yaml'],
  devL: ['ask-eval-dev-l.yaml'],
  heldM: ['ask-eval-held-m.yaml'],
  heldN: ['ask-eval-held-n.yaml'],
  devO: ['ask-eval-dev-o.yaml'],
  heldP: ['ask-eval-held-p.yaml'],
  devQ: ['ask-eval-dev-q.yaml'],
  devR: ['ask-eval-dev-r.yaml'],
  devS: ['ask-eval-dev-s.yaml'],
  devT: ['ask-eval-dev-t.yaml'],
  devW: ['ask-eval-dev-w.yaml'],
  devX: ['ask-eval-dev-x.yaml'],
  devY: ['ask-eval-dev-y.yaml'],
  heldU: ['ask-eval-held-u.yaml'],
  heldV: ['ask-eval-held-v.yaml'],
  heldZ1: ['ask-eval-held-z1.yaml'],
  heldZ2: ['ask-eval-held-z2.yaml'],
  devAD: ['ask-eval-dev-ad.yaml'],
  devAE: ['ask-eval-dev-ae.yaml'],
  devAF: ['ask-eval-dev-af.yaml'],
  devAG: ['ask-eval-dev-ag.yaml'],
  devAH: ['ask-eval-dev-ah.yaml'],
  devAI: ['ask-eval-dev-ai.yaml'],
  devAM: ['ask-eval-dev-am.yaml'],
  devAN: ['ask-eval-dev-an.yaml'],
  devAO: ['ask-eval-dev-ao.yaml'],
  devAS: ['ask-eval-dev-as.yaml'],
  devAT: ['ask-eval-dev-at.yaml'],
  devAU: ['ask-eval-dev-au.yaml'],
  devAV: ['ask-eval-dev-av.yaml'],
  devAW: ['ask-eval-dev-aw.yaml'],
  devAX: ['ask-eval-dev-ax.yaml'],
  heldAA: ['ask-eval-held-aa.yaml'],
  heldAB: ['ask-eval-held-ab.yaml'],
  heldAC: ['ask-eval-held-ac.yaml'],
  heldAJ: ['ask-eval-held-aj.yaml'],
  heldAK: ['ask-eval-held-ak.yaml'],
  heldAL: ['ask-eval-held-al.yaml'],
  heldAP: ['ask-eval-held-ap.yaml'],
  heldAQ: ['ask-eval-held-aq.yaml'],
  heldAR: ['ask-eval-held-ar.yaml'],
  devAY: ['ask-eval-dev-ay.yaml'],
  devAZ: ['ask-eval-dev-az.yaml'],
  devBA: ['ask-eval-dev-ba.yaml'],
  devBB: ['ask-eval-dev-bb.yaml'],
  devBC: ['ask-eval-dev-bc.yaml'],
  devBG: ['ask-eval-dev-bg.yaml'],
  devBH: ['ask-eval-dev-bh.yaml'],
  devBI: ['ask-eval-dev-bi.yaml'],
  devBJ: ['ask-eval-dev-bj.yaml'],
  devBK: ['ask-eval-dev-bk.yaml'],
  devBL: ['ask-eval-dev-bl.yaml'],
  devBM: ['ask-eval-dev-bm.yaml'],
  devBN: ['ask-eval-dev-bn.yaml'],
  devBO: ['ask-eval-dev-bo.yaml'],
  devBT: ['ask-eval-dev-bt.yaml'],
  devBU: ['ask-eval-dev-bu.yaml'],
  devBV: ['ask-eval-dev-bv.yaml'],
  devBW: ['ask-eval-dev-bw.yaml'],
  devBX: ['ask-eval-dev-bx.yaml'],
  devBY: ['ask-eval-dev-by.yaml'],
  devBZ: ['ask-eval-dev-bz.yaml'],
  devCA: ['ask-eval-dev-ca.yaml'],
  devCB: ['ask-eval-dev-cb.yaml'],
  devCC: ['ask-eval-dev-cc.yaml'],
  devCH: ['ask-eval-dev-ch.yaml'],
  devCI: ['ask-eval-dev-ci.yaml'],
  devCJ: ['ask-eval-dev-cj.yaml'],
  devCK: ['ask-eval-dev-ck.yaml'],
  devCP: ['ask-eval-dev-cp.yaml'],
  devCQ: ['ask-eval-dev-cq.yaml'],
  devCR: ['ask-eval-dev-cr.yaml'],
  devCS: ['ask-eval-dev-cs.yaml'],
  devCX: ['ask-eval-dev-cx.yaml'],
  devCY: ['ask-eval-dev-cy.yaml'],
  devCZ: ['ask-eval-dev-cz.yaml'],
  devDA: ['ask-eval-dev-da.yaml'],
  devDF: ['ask-eval-dev-df.yaml'],
  devDG: ['ask-eval-dev-dg.yaml'],
  devDH: ['ask-eval-dev-dh.yaml'],
  devDI: ['ask-eval-dev-di.yaml'],
  devDN: ['ask-eval-dev-dn.yaml'],
  devDO: ['ask-eval-dev-do.yaml'],
  devDP: ['ask-eval-dev-dp.yaml'],
  devDQ: ['ask-eval-dev-dq.yaml'],
  devDW: ['ask-eval-dev-dw.yaml'],
  devDX: ['ask-eval-dev-dx.yaml'],
  devDY: ['ask-eval-dev-dy.yaml'],
  devEH: ['ask-eval-dev-eh.yaml'],
  devEI: ['ask-eval-dev-ei.yaml'],
  devEJ: ['ask-eval-dev-ej.yaml'],
  devEK: ['ask-eval-dev-ek.yaml'],
  devEP: ['ask-eval-dev-ep.yaml'],
  devEQ: ['ask-eval-dev-eq.yaml'],
  devER: ['ask-eval-dev-er.yaml'],
  devES: ['ask-eval-dev-es.yaml'],
  devET: ['ask-eval-dev-et.yaml'],
  devEU: ['ask-eval-dev-eu.yaml'],
  devEV: ['ask-eval-dev-ev.yaml'],
  devEW: ['ask-eval-dev-ew.yaml'],
  devEX: ['ask-eval-dev-ex.yaml'],
  devEY: ['ask-eval-dev-ey.yaml'],
  devEZ: ['ask-eval-dev-ez.yaml'],
  devFA: ['ask-eval-dev-fa.yaml'],
  devFB: ['ask-eval-dev-fb.yaml'],
  devFC: ['ask-eval-dev-fc.yaml'],
  devFD: ['ask-eval-dev-fd.yaml'],
  devFU: ['ask-eval-dev-fu.yaml'],
  devFV: ['ask-eval-dev-fv.yaml'],
  devFW: ['ask-eval-dev-fw.yaml'],
  devFX: ['ask-eval-dev-fx.yaml'],
  devFY: ['ask-eval-dev-fy.yaml'],
  devFZ: ['ask-eval-dev-fz.yaml'],
  devGA: ['ask-eval-dev-ga.yaml'],
  devGB: ['ask-eval-dev-gb.yaml'],
  devGC: ['ask-eval-dev-gc.yaml'],
  devGD: ['ask-eval-dev-gd.yaml'],
  devGE: ['ask-eval-dev-ge.yaml'],
  devGF: ['ask-eval-dev-gf.yaml'],
  devGG: ['ask-eval-dev-gg.yaml'],
  devGH: ['ask-eval-dev-gh.yaml'],
  devGI: ['ask-eval-dev-gi.yaml'],
  devGJ: ['ask-eval-dev-gj.yaml'],
  devGS: ['ask-eval-dev-gs.yaml'],
  devGT: ['ask-eval-dev-gt.yaml'],
  devGU: ['ask-eval-dev-gu.yaml'],
  devGV: ['ask-eval-dev-gv.yaml'],
  devGW: ['ask-eval-dev-gw.yaml'],
  devGX: ['ask-eval-dev-gx.yaml'],
  devGY: ['ask-eval-dev-gy.yaml'],
  devGZ: ['ask-eval-dev-gz.yaml'],
  devHI: ['ask-eval-dev-hi.yaml'],
  devHJ: ['ask-eval-dev-hj.yaml'],
  devHK: ['ask-eval-dev-hk.yaml'],
  devHL: ['ask-eval-dev-hl.yaml'],
  devHM: ['ask-eval-dev-hm.yaml'],
  devHN: ['ask-eval-dev-hn.yaml'],
  devHO: ['ask-eval-dev-ho.yaml'],
  devHP: ['ask-eval-dev-hp.yaml'],
  heldBD: ['ask-eval-held-bd.yaml'],
  heldBE: ['ask-eval-held-be.yaml'],
  heldBF: ['ask-eval-held-bf.yaml'],
  heldBP: ['ask-eval-held-bp.yaml'],
  heldBQ: ['ask-eval-held-bq.yaml'],
  heldBR: ['ask-eval-held-br.yaml'],
  heldBS: ['ask-eval-held-bs.yaml'],
  heldCD: ['ask-eval-held-cd.yaml'],
  heldCE: ['ask-eval-held-ce.yaml'],
  heldCF: ['ask-eval-held-cf.yaml'],
  heldCG: ['ask-eval-held-cg.yaml'],
  heldCL: ['ask-eval-held-cl.yaml'],
  heldCM: ['ask-eval-held-cm.yaml'],
  heldCN: ['ask-eval-held-cn.yaml'],
  heldCO: ['ask-eval-held-co.yaml'],
  heldCT: ['ask-eval-held-ct.yaml'],
  heldCU: ['ask-eval-held-cu.yaml'],
  heldCV: ['ask-eval-held-cv.yaml'],
  heldCW: ['ask-eval-held-cw.yaml'],
  heldDB: ['ask-eval-held-db.yaml'],
  heldDC: ['ask-eval-held-dc.yaml'],
  heldDD: ['ask-eval-held-dd.yaml'],
  heldDE: ['ask-eval-held-de.yaml'],
  heldDJ: ['ask-eval-held-dj.yaml'],
  heldDK: ['ask-eval-held-dk.yaml'],
  heldDL: ['ask-eval-held-dl.yaml'],
  heldDM: ['ask-eval-held-dm.yaml'],
  heldDR: ['ask-eval-held-dr.yaml'],
  heldDS: ['ask-eval-held-ds.yaml'],
  heldDT: ['ask-eval-held-dt.yaml'],
  heldDU: ['ask-eval-held-du.yaml'],
  heldDV: ['ask-eval-held-dv.yaml'],
  heldDZ: ['ask-eval-held-dz.yaml'],
  heldEA: ['ask-eval-held-ea.yaml'],
  heldEB: ['ask-eval-held-eb.yaml'],
  heldEC: ['ask-eval-held-ec.yaml'],
  heldED: ['ask-eval-held-ed.yaml'],
  heldEE: ['ask-eval-held-ee.yaml'],
  heldEF: ['ask-eval-held-ef.yaml'],
  heldEG: ['ask-eval-held-eg.yaml'],
  heldEL: ['ask-eval-held-el.yaml'],
  heldEM: ['ask-eval-held-em.yaml'],
  heldEN: ['ask-eval-held-en.yaml'],
  heldEO: ['ask-eval-held-eo.yaml'],
  heldFE: ['ask-eval-held-fe.yaml'],
  heldFF: ['ask-eval-held-ff.yaml'],
  heldFG: ['ask-eval-held-fg.yaml'],
  heldFH: ['ask-eval-held-fh.yaml'],
  heldFI: ['ask-eval-held-fi.yaml'],
  heldFJ: ['ask-eval-held-fj.yaml'],
  heldFK: ['ask-eval-held-fk.yaml'],
  heldFL: ['ask-eval-held-fl.yaml'],
  heldFM: ['ask-eval-held-fm.yaml'],
  heldFN: ['ask-eval-held-fn.yaml'],
  heldFO: ['ask-eval-held-fo.yaml'],
  heldFP: ['ask-eval-held-fp.yaml'],
  heldFQ: ['ask-eval-held-fq.yaml'],
  heldFR: ['ask-eval-held-fr.yaml'],
  heldFS: ['ask-eval-held-fs.yaml'],
  heldFT: ['ask-eval-held-ft.yaml'],
  heldGK: ['ask-eval-held-gk.yaml'],
  heldGL: ['ask-eval-held-gl.yaml'],
  heldGM: ['ask-eval-held-gm.yaml'],
  heldGN: ['ask-eval-held-gn.yaml'],
  heldGO: ['ask-eval-held-go.yaml'],
  heldGP: ['ask-eval-held-gp.yaml'],
  heldGQ: ['ask-eval-held-gq.yaml'],
  heldGR: ['ask-eval-held-gr.yaml'],
  heldHA: ['ask-eval-held-ha.yaml'],
  heldHB: ['ask-eval-held-hb.yaml'],
  heldHC: ['ask-eval-held-hc.yaml'],
  heldHD: ['ask-eval-held-hd.yaml'],
  heldHE: ['ask-eval-held-he.yaml'],
  heldHF: ['ask-eval-held-hf.yaml'],
  heldHG: ['ask-eval-held-hg.yaml'],
  heldHH: ['ask-eval-held-hh.yaml'],
  heldHQ: ['ask-eval-held-hq.yaml'],
  heldHR: ['ask-eval-held-hr.yaml'],
  heldHS: ['ask-eval-held-hs.yaml'],
  heldHT: ['ask-eval-held-ht.yaml'],
  heldHU: ['ask-eval-held-hu.yaml'],
  heldHV: ['ask-eval-held-hv.yaml'],
  heldHW: ['ask-eval-held-hw.yaml'],
  heldHX: ['ask-eval-held-hx.yaml'],
} as const;

const EvalQuestionSchema = z.union([
  z
    .object({
      q: z.string().min(1),
      themes: z.array(z.enum(THEME_IDS)).min(1),
      guides: z.array(z.string()).optional(),
    })
    .strict(),
  z
    .object({
      q: z.string().min(1),
      intent: z.literal('urgent'),
      level: z.enum(['immediate', 'check-in']).optional(),
    })
    .strict(),
  z
    .object({
      q: z.string().min(1),
      intent: z.enum(['help', 'plan', 'circles', 'nudges', 'none', 'offtopic']),
    })
    .strict(),
]);
const EvalFileSchema = z.object({ questions: z.array(EvalQuestionSchema).min(1) }).strict();

/** One labelled question. */
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** Reads and checks the labelled question files of one part. */
export function loadEvalSet(files: readonly string[]): EvalQuestion[] {
  return files.flatMap(
    (file) => EvalFileSchema.parse(YAML.parse(fs.readFileSync(path.join(EVAL_DIR, file), 'utf8'))).questions,
  );
}

/** A question the answerer got wrong, for the report. */
export interface EvalMiss {
  question: string;
  expected: string;
  got: string;
}

/** Measured quality on one question set. */
export interface EvalReport {
  name: string;
  questions: number;
  guideQuestions: number;
  top1: number;
  top3: number;
  urgentQuestions: number;
  urgentRecall: number;
  /** Urgent questions labelled immediate that were read as immediate (a check-in for them is a weaker answer). */
  immediateQuestions: number;
  immediateRecall: number;
  /** Messages that are not urgent (guide questions, decoys, off-topic and commands). */
  ordinaryQuestions: number;
  falseUrgent: number;
  /** Off-topic questions that were declined (no guide offered). */
  offTopicQuestions: number;
  offTopicDeclined: number;
  intentQuestions: number;
  intentAccuracy: number;
  misses: EvalMiss[];
}

const ratio = (hits: number, total: number) => (total === 0 ? 1 : hits / total);

/** Runs the answerer over a labelled set: top-1 and top-3 theme accuracy, urgent recall, intent accuracy. */
export function evaluate(name: string, answerer: Answerer, questions: readonly EvalQuestion[]): EvalReport {
  let guideQuestions = 0;
  let top1 = 0;
  let top3 = 0;
  let urgentQuestions = 0;
  let urgentHits = 0;
  let immediateQuestions = 0;
  let immediateHits = 0;
  let offTopicQuestions = 0;
  let offTopicHits = 0;
  let falseUrgent = 0;
  let intentQuestions = 0;
  let intentHits = 0;
  const misses: EvalMiss[] = [];
  for (const item of questions) {
    const result = answerer.ask(item.q);
    const got =
      result.intent === 'guide'
        ? result.answers.length > 0
          ? result.answers.map((answer) => `${answer.themeId}/${answer.guideId} (${answer.score})`).join(', ')
          : 'not sure'
        : result.intent === 'urgent'
          ? `urgent (${result.urgency ?? 'immediate'})`
          : result.intent;
    if ('themes' in item) {
      guideQuestions += 1;
      const themes = result.intent === 'guide' ? result.answers.map((answer) => answer.themeId) : [];
      const first = themes[0] !== undefined && item.themes.includes(themes[0]);
      if (first) top1 += 1;
      if (themes.slice(0, 3).some((theme) => item.themes.includes(theme))) top3 += 1;
      if (result.intent === 'urgent') falseUrgent += 1;
      if (!first) misses.push({ question: item.q, expected: item.themes.join(' | '), got });
    } else {
      const expected: Intent | 'none' | 'offtopic' = item.intent;
      const declined =
        result.intent === 'offTopic' || (result.intent === 'guide' && result.answers.length === 0);
      const correct = expected === 'none' || expected === 'offtopic' ? declined : result.intent === expected;
      if (expected === 'urgent') {
        urgentQuestions += 1;
        if (correct) urgentHits += 1;
        if ('level' in item && item.level === 'immediate') {
          immediateQuestions += 1;
          if (result.intent === 'urgent' && result.urgency === 'immediate') immediateHits += 1;
        }
      } else if (expected === 'offtopic') {
        offTopicQuestions += 1;
        if (correct) offTopicHits += 1;
        if (result.intent === 'urgent') falseUrgent += 1;
      } else {
        intentQuestions += 1;
        if (correct) intentHits += 1;
        if (result.intent === 'urgent') falseUrgent += 1;
      }
      if (!correct) misses.push({ question: item.q, expected, got });
    }
  }
  return {
    name,
    questions: questions.length,
    guideQuestions,
    top1: ratio(top1, guideQuestions),
    top3: ratio(top3, guideQuestions),
    urgentQuestions,
    urgentRecall: ratio(urgentHits, urgentQuestions),
    immediateQuestions,
    immediateRecall: ratio(immediateHits, immediateQuestions),
    ordinaryQuestions: questions.length - urgentQuestions,
    falseUrgent,
    offTopicQuestions,
    offTopicDeclined: ratio(offTopicHits, offTopicQuestions),
    intentQuestions,
    intentAccuracy: ratio(intentHits, intentQuestions),
    misses,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The reports as a plain-text table, with the misses listed underneath. */
export function formatReports(reports: readonly EvalReport[], withMisses = true): string {
  const header = [
    'set',
    'questions',
    'guide qs',
    'top-1',
    'top-3',
    'urgent qs',
    'urgent recall',
    'immediate as immediate',
    'ordinary qs',
    'false alarms',
    'off-topic qs',
    'off-topic declined',
    'other intents',
    'intent acc.',
  ];
  const rows = reports.map((report) => [
    report.name,
    String(report.questions),
    String(report.guideQuestions),
    percent(report.top1),
    percent(report.top3),
    String(report.urgentQuestions),
    percent(report.urgentRecall),
    report.immediateQuestions === 0 ? '-' : percent(report.immediateRecall),
    String(report.ordinaryQuestions),
    `${report.falseUrgent} (${percent(report.falseUrgent / Math.max(1, report.ordinaryQuestions))})`,
    String(report.offTopicQuestions),
    report.offTopicQuestions === 0 ? '-' : percent(report.offTopicDeclined),
    String(report.intentQuestions),
    percent(report.intentAccuracy),
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const table = [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ];
  if (withMisses) {
    for (const report of reports) {
      if (report.misses.length === 0 || report.name !== 'tuned') continue;
      table.push('', `Misses in ${report.name}:`);
      for (const miss of report.misses)
        table.push(`  - "${miss.question}"\n      expected ${miss.expected}; got ${miss.got}`);
    }
  }
  return table.join('\n');
}
