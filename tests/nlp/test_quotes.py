"""Quotations: quote marks paired on raw text, speakers from the parse, kinds."""
from __future__ import annotations

import pytest

from newsroom.nlp.actors import resolve_actors
from newsroom.nlp.quotes import extract_quotes, find_quote_spans


def _quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quote_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # straight and curly marks, mixed in one article
        ('"We are ready," the minister said. She called it “a turning point”.',
         ["We are ready,", "a turning point"]),
        # NYT copy through LexisNexis: two apostrophes for a double mark
        ("''We will not stop,'' the general said, calling the plan ''reckless.''",
         ["We will not stop,", "reckless."]),
        # guillemets
        ("The envoy said the offer was «a last chance» for the talks.", ["a last chance"]),
        # a quote broken by its attribution
        ('"The roads are closed," he said, "and the bakeries are empty."',
         ["The roads are closed,", "and the bakeries are empty."]),
        # a quote running across paragraphs: no closing mark before the next paragraph opens
        ('"The first convoy crossed at dawn.\n\n"The second is waiting at the border," she said.',
         ["The first convoy crossed at dawn.", "The second is waiting at the border,"]),
        # an unbalanced mark costs its own paragraph only
        ('The mayor said "the water is gone.\n\nOfficials said the pumps were "badly damaged."',
         ["the water is gone.", "badly damaged."]),
        # nested single quotes stay inside the double quote
        ("\"They told us 'leave now' and we left,\" a resident said.",
         ["They told us 'leave now' and we left,"]),
        # curly quotes nested inside a straight-quoted span stay inside it
        ('"They call it the “Sunrise Plan” and it is a fraud," the senator said.',
         ["They call it the “Sunrise Plan” and it is a fraud,"]),
        # a curly mark typed the wrong way round still closes the quote
        ('"Reform is needed now.“ The council adjourned.', ["Reform is needed now."]),
        # attribute values of markup left in scraped text are not quotes
        ('<post author="newsdesk" time="0900">Crossings closed "until further notice," the army said.',
         ["until further notice,"]),
        # apostrophes and possessives are not quote marks
        ("Israel's army and the occupiers' tanks entered Shuja'iyya.", []),
        # single quotes in a headline
        ("UN chief decries ‘unacceptable’ toll in Gaza", ["unacceptable"]),
        # a straight mark glued to a dash opens the quote
        ('The protesters chanted -"End the siege"- outside the embassy.', ["End the siege"]),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


def _quotes(nlp, text: str) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    return [(q.quote, q.speaker, q.kind) for q in extract_quotes(doc, resolve_actors(doc))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # subject before the cue, past tense
        ('"We have made progress," Antony Blinken said on Tuesday.',
         [("We have made progress,", "Antony Blinken", "direct")]),
        # inverted cue: "said X"
        ('"The crossing will reopen tomorrow," said Jan Egeland, the head of the aid group.',
         [("The crossing will reopen tomorrow,", "Jan Egeland", "direct")]),
        # the parser's subject of "said" is another noun of the sentence: the name after the verb wins
        ('Add high prices to a "candidate who is a lightning rod" and voters get nervous, said Maria Lopez, '
         'a local organiser.',
         [("candidate who is a lightning rod", "Maria Lopez", "partial")]),
        # told, with the audience as object
        ('"Nobody is safe here," Ahmed Nasser told Reuters by telephone.',
         [("Nobody is safe here,", "Ahmed Nasser", "direct")]),
        # informed
        ('"Gaps remain," Linda Thomas-Greenfield informed reporters at the United Nations.',
         [("Gaps remain,", "Linda Thomas-Greenfield", "direct")]),
        # cue before the quote, with a colon
        ('Benjamin Netanyahu declared: "We will finish the job."',
         [("We will finish the job.", "Benjamin Netanyahu", "direct")]),
        # cautioned that ... a partial quote
        ("Volodymyr Zelensky cautioned that the winter would be \"very hard\" for the grid.",
         [("very hard", "Volodymyr Zelensky", "partial")]),
        # warned, present perfect
        ('Josep Borrell has warned that the offensive "would be a catastrophe."',
         [("would be a catastrophe.", "Josep Borrell", "partial")]),
        # according to an organisation
        ('According to the World Health Organization, the hospital was "no longer functional."',
         [("no longer functional.", "World Health Organization", "partial")]),
        # an organisation as speaker, curated alias to canonical name
        ('"The strike hit a command post," the IDF said in a statement.',
         [("The strike hit a command post,", "Israel Defense Forces", "direct")]),
        # an unnamed organisation as speaker: the phrase
        ('The health ministry in Gaza said the toll was "rising by the hour."',
         [("rising by the hour.", "health ministry", "partial")]),
        # a participle cue takes the subject of its clause
        ('Sergey Lavrov spoke in Moscow, adding that the talks were "at a dead end."',
         [("at a dead end.", "Sergey Lavrov", "partial")]),
        # wrote / posted
        ('Mahmoud Abbas wrote on Sunday that the plan was "a non-starter."',
         [("a non-starter.", "Mahmoud Abbas", "partial")]),
        ('"Pray for our city," Vitali Klitschko posted on Telegram.',
         [("Pray for our city,", "Vitali Klitschko", "direct")]),
        # passive: quoted as saying
        ('Yoav Gallant was quoted as saying that Hamas had "lost control" of the north.',
         [("lost control", "Yoav Gallant", "partial")]),
        # a statement issued by someone speaks for them
        ('Kamala Harris issued a statement saying the deal was "long overdue."',
         [("long overdue.", "Kamala Harris", "partial")]),
        # a name modifying the speaker's role is the employer, not the speaker
        ('"We expect a long night," said a senior Biden adviser.',
         [("We expect a long night,", "senior Biden adviser", "direct")]),
        # a speaker named in apposition to a role
        ('"The pumps have stopped," the agency spokesman, Jens Laerke, said.',
         [("The pumps have stopped,", "Jens Laerke", "direct")]),
    ],
)
def test_speaker_from_cue(nlp, text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _quotes(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pronoun resolves to the person named before it
        ('Antony Blinken arrived in Cairo on Thursday. "A deal is still possible," he said.',
         [("A deal is still possible,", "Antony Blinken")]),
        # the surname joins the full name given earlier
        ('Ismail Haniyeh spoke from Doha. "Our demands are clear," Haniyeh said.',
         [("Our demands are clear,", "Ismail Haniyeh")]),
        # a title before the name is not part of it
        ('"We are in the heart of the city," Brigadier General Dan Goldfus said.',
         [("We are in the heart of the city,", "Dan Goldfus")]),
        # a role resolves to the person the article introduced with it
        ('Benjamin Netanyahu, the Israeli prime minister, met the envoys. Later the prime minister said '
         'the army was "ready."',
         [("ready.", "Benjamin Netanyahu")]),
        # a quote broken by its attribution: both halves go to the same speaker
        ('"The roads are closed," Martin Griffiths said, "and the bakeries are empty."',
         [("The roads are closed,", "Martin Griffiths"), ("and the bakeries are empty.", "Martin Griffiths")]),
        # an unattributed quote opening the next paragraph keeps the voice of the one before
        ('"We need fuel today," Philippe Lazzarini said.\n"Tomorrow will be too late."',
         [("We need fuel today,", "Philippe Lazzarini"), ("Tomorrow will be too late.", "Philippe Lazzarini")]),
        # a quote running across paragraphs keeps its speaker
        ('Rishi Sunak told parliament: "The hostages must come home.\n"Every one of them."',
         [("The hostages must come home.", "Rishi Sunak"), ("Every one of them.", "Rishi Sunak")]),
        # "the group" is the organisation the article described as a group
        ('A report by Amnesty International, a rights group, released on Monday found that the clinic had '
         'been "deliberately hit" by a strike that the group said came from the north.',
         [("deliberately hit", "Amnesty International")]),
        # a name and a colon introduce the quote, with no verb
        ('Rep. Nancy Pelosi (D-Calif.): "This bill is dead on arrival."',
         [("This bill is dead on arrival.", "Nancy Pelosi")]),
        # a quote standing alone after the sentence that introduces its speaker
        ('Jake Sullivan described the call with the Israeli side.\n"It was a frank conversation."',
         [("It was a frank conversation.", "Jake Sullivan")]),
        # a quoted piece in reported speech belongs to the reporter, not to the nested cue
        ('Lloyd Austin said he had asked his generals to "look again" at the plan.',
         [("look again", "Lloyd Austin")]),
        # no reporting verb: the subject of the clause carrying the quoted words
        ('Paul Ryan worried that the safety net was becoming "a hammock" for able-bodied adults.',
         [("a hammock", "Paul Ryan")]),
        # first person narrators are nobody we can name: null beats a wrong name
        ('"I saw the tanks," I said.', [("I saw the tanks,", None)]),
        # one person through cue verbs in several tenses and voices, a pronoun, a role and a raised subject
        ('US Secretary of State Antony Blinken arrived in Cairo on Thursday. "Gaps are narrowing," the top US '
         'diplomat told reporters. Blinken then stated that the talks were "difficult." Later he added: "We '
         'will keep going." The secretary of state says the deal "is still possible." Blinken has warned that '
         'an offensive "would be a mistake." He is expected to say on Friday that aid "must flow."',
         [("Gaps are narrowing,", "Antony Blinken"), ("difficult.", "Antony Blinken"),
          ("We will keep going.", "Antony Blinken"), ("is still possible.", "Antony Blinken"),
          ("would be a mistake.", "Antony Blinken"), ("must flow.", "Antony Blinken")]),
        # "he" after a quote that closes several sentences goes back past them to the narration
        ('Minister Tom Hale spoke first.\n\nMaria Lopez, the mother of a missing soldier, said the plan was '
         'wrong. "The way we are going, they will all die. It is not too late," she said.',
         [("The way we are going, they will all die. It is not too late,", "Maria Lopez")]),
        # the subject in apposition to a role is the one "he" refers to
        ('"Such incidents should not happen," Tom Hale said.\nThe army chief, Gen. Ruth Ames, announced the '
         'results of an inquiry on Wednesday.\n"It was a grave mistake," she said.',
         [("Such incidents should not happen,", "Tom Hale"), ("It was a grave mistake,", "Ruth Ames")]),
        # the main clause's subject over a subject inside what it reports
        ('Antony Blinken said Joe Biden was coming "at a critical moment."\nHe said Israel would brief Biden on '
         'how it would fight "in a way that spares civilians."',
         [("at a critical moment.", "Antony Blinken"), ("in a way that spares civilians.", "Antony Blinken")]),
        # "she added" then "she said": the same she
        ('"The law must be respected," Kamala Harris said.\nCivilians keep their protection, said Janina Dill, a '
         'professor of law. Crimes by one side cannot excuse crimes by the other, she added.\n"There is no guilt '
         'by association," she said.',
         [("The law must be respected,", "Kamala Harris"), ("There is no guilt by association,", "Janina Dill")]),
        # a pronoun inside a clause of the sentence refers to the person that sentence named
        ('"I miss her," Erez said.\nThe campaign pushed Benjamin Netanyahu to accept a deal with the group, an '
         'organisation he has sworn to "crush".',
         [("I miss her,", "Erez"), ("crush", "Benjamin Netanyahu")]),
        # ... and the role that is the sentence's subject before an object named after it
        ('President Barack Obama spoke on the radio. The president also told NPR correspondent Steve Inskeep '
         'that he believes he "may represent change that worries them."',
         [("may represent change that worries them.", "Barack Obama")]),
        # an inner cue in a relative clause with its own subject, though the cue only judges
        ('Hamas responded with a counterproposal, which Benjamin Netanyahu then rejected as "delusional".',
         [("delusional", "Benjamin Netanyahu")]),
        # with nobody named before, "he" is the unnamed person who spoke in the sentence before
        ('Hamas is waiting to see what mediators bring back from the talks, an official from the militant '
         'group said on Friday.\n"We discussed our proposal with the Egyptians," he said.',
         [("We discussed our proposal with the Egyptians,", "official")]),
        # ... but not the one its own clause is about
        ('Marco Rubio said he had begun to unmask Donald Trump, whom he called a "con artist."',
         [("con artist.", "Marco Rubio")]),
    ],
)
def test_speaker_resolution(nlp, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q, s) for q, s, _ in _quotes(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a scare quote with no cue is a fragment, with no speaker
        ('Families fled to the so-called "safe zone" near the coast.', [("safe zone", None, "fragment")]),
        # a ship's name is a label
        ('The freighter "Galaxy Leader" was seized in the Red Sea.', [("Galaxy Leader", None, "fragment")]),
        # a title at the start of a sentence is not speech
        ('"Operation Iron Swords" began after the October attack.', [("Operation Iron Swords", None, "fragment")]),
        # a show's title with the comma NYT style puts inside the marks
        ("The network is reviving ''Night Court,'' a sitcom from the 1980s.",
         [("Night Court,", None, "fragment")]),
        # a quotation alone on a short line heads a section; it is nobody's speech
        ("Crowds gathered in the square on Friday.\n'Veins of resistance'\nProtesters marched.",
         [("Veins of resistance", None, "fragment")]),
        # a whole quoted sentence is speech even when nobody can be named for it
        ('Shelling resumed at dusk.\n"We have nothing left to eat."',
         [("We have nothing left to eat.", None, "direct")]),
    ],
)
def test_kinds_without_a_speaker(nlp, text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _quotes(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"Gaps are narrowing," Antony Blinken said.',
        "The envoy said the offer was «a last chance» for the talks.",
        "''It is over,'' she said.",
    ],
)
def test_offsets_point_at_the_quoted_text(nlp, text: str) -> None:
    doc = nlp(text)
    for q in extract_quotes(doc, resolve_actors(doc)):
        assert text[q.start:q.end] == q.quote
        assert q.quote in q.sentence


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parser hangs the name on the quote: the appositive before "said" leads back to it
        ('"The problem is the White House and frankly the president," Michael Flynn, a Trump surrogate, '
         'said on Fox News.',
         [("The problem is the White House and frankly the president,", "Michael Flynn")]),
        # a document speaks for the person who wrote or gave it
        ('The plan would curb "reckless" lending, according to a speech Elizabeth Warren gave in Boston.',
         [("reckless", "Elizabeth Warren")]),
        ('A fair wage in the city is about "twice the minimum," according to calculations by Amy Klobuchar.',
         [("twice the minimum,", "Amy Klobuchar")]),
        # a participle phrase between the name and "said" is skipped by its commas
        ('"We have had better conventions than this one," Texas delegate Bill Eastland, wearing a cowboy '
         'hat and "Ted Cruz" pins, said matter-of-factly as the speeches went on.',
         [("We have had better conventions than this one,", "Bill Eastland"), ("Ted Cruz", "Bill Eastland")]),
        # whoever issues a statement is its voice, even when the tagger misses the name
        ('Black Lives Matter issued a statement saying it had acted "because of the danger to our members."',
         [("because of the danger to our members.", "Black Lives")]),
        ('The ministry issued a statement saying the border was "closed until further notice."',
         [("closed until further notice.", "ministry")]),
        # a share of respondents speaks through the poll that asked them
        ('In a national CNN poll released Monday, 31% of Republicans said they were "extremely enthusiastic" '
         'about voting.',
         [("extremely enthusiastic", "national CNN poll")]),
        # "the group" is the organisation described so, even when the description hangs on the last word
        ('A study by Reporters Without Borders, a media watchdog group, released on Monday found that the '
         'reporter had been "deliberately targeted" by a drone that the group said came from the south.',
         [("deliberately targeted", "Reporters Without Borders")]),
        # a retort with "back" is the cue, not the verb of the clause before it
        ('When Trump suggested that Cuba would sue, Marco Rubio fired back forcefully: "If they sue us in a '
         'court in Miami, they are going to lose."',
         [("If they sue us in a court in Miami, they are going to lose.", "Marco Rubio")]),
        ('After Jerry Brown attacked Bill Clinton in a debate, Hillary Clinton shot back, "I suppose I could '
         'have stayed home and baked cookies."',
         [("I suppose I could have stayed home and baked cookies.", "Hillary Clinton")]),
        # the one told is never the speaker: null beats a wrong name
        ('"For you to ask me that is insulting," Trump, 70, told CNN\'s Dana Bash.',
         [("For you to ask me that is insulting,", None)]),
        # a name and an age before the verb speak, however the tagger read the name
        ('Donald Trump spoke at his new hotel.\n"For you to ask me that is insulting," Trump, 70, told '
         'CNN\'s Dana Bash.',
         [("For you to ask me that is insulting,", "Donald Trump")]),
        # after a question the tagger starts a new sentence at the name, but "X said." still tags the quote
        ("Hillary Clinton rebuked Mr. Trump at a church in Ohio.\n\n''The family gave everything for "
         "this country, didn't they?'' Mrs. Clinton said. ''And what have they heard from Donald Trump?''",
         [("The family gave everything for this country, didn't they?", "Hillary Clinton"),
          ("And what have they heard from Donald Trump?", "Hillary Clinton")]),
        # "it"/"they" in a clause inside the sentence refers to the sentence's own subject
        ('Her campaign also released two new commercials it described as "closing arguments" to voters.',
         [("closing arguments", "campaign")]),
        ('The senator\'s campaign is seeking to contrast her plan with what they call Donald Trump\'s '
         '"selfish message."',
         [("selfish message.", "senator's campaign")]),
        # an age stands for a person, though the tagger reads it as a date
        ('"Donald is, and always has been, an amazing leader," said the 46-year-old.',
         [("Donald is, and always has been, an amazing leader,", "46-year-old")]),
        # an organisation naming the speaker's role is not the speaker: the role holder is, or nobody
        ('On Tuesday, CNN President Jeff Zucker defended the network.\n\nCNN President: "We do not pay candidates to '
         'appear."',
         [("We do not pay candidates to appear.", "Jeff Zucker")]),
        ('CNN President: "We do not pay candidates to appear."', [("We do not pay candidates to appear.", None)]),
        ('Reuters: "The talks have stalled."', [("The talks have stalled.", "Reuters")]),
        # a statement announced with a colon speaks in its issuer's name, across the paragraph break
        ('In response, Republican nominee Donald Trump issued the following statement:\n\n"Our prayers are with '
         'all those affected by the attacks."',
         [("Our prayers are with all those affected by the attacks.", "Donald Trump")]),
        # loud verbs of speech are cues
        ('Donald Trump waved, then leaned in and boomed: "Let us win in November."',
         [("Let us win in November.", "Donald Trump")]),
        # a dateline the parser took for a second subject does not speak
        ('Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival Donald Trump’s '
         'stance on trade, saying '
         'that "loud promises" do more harm than good.',
         [("loud promises", "Hillary Clinton")]),
        # "interjected" reports words like "said"
        ('Sean Hannity interjected: "So there will be some flexibility?"',
         [("So there will be some flexibility?", "Sean Hannity")]),
        # after an exclamation or a stray full stop, "X said ..." opening the next sentence is the tag
        ('"The bridge is closed for the winter." Mayor Tom Hale said as he cut the ribbon.',
         [("The bridge is closed for the winter.", "Tom Hale")]),
        ('"We will rebuild every school!" Governor Ruth Ames said at the rally.',
         [("We will rebuild every school!", "Ruth Ames")]),
        # ... but not when that verb reports words of its own
        ('"We ran out of water." Jane Doe said the convoy was late.', [("We ran out of water.", None)]),
        # the appositive leads back to the name even when the parser hung the name on a date
        ('During a briefing on May 3, Maj. Anna K. Lind, an army spokeswoman in Kabul, said, "This was a '
         'rescue, not a raid."',
         [("This was a rescue, not a raid.", "Anna K. Lind")]),
        # a relative clause hung on a noun that cannot speak belongs to the document before "that"
        ('The council voted on a motion.\nAhead of their veto of a Brazilian draft text in March that called '
         'for a "lasting truce" in the region, British diplomats are now drafting another.',
         [("lasting truce", "Brazilian draft text")]),
        # the tag may open with a long appositive before its verb
        ('Critics call the channel a mouthpiece.\n\n"Long live the free press!" Mira Santos, the editor in chief '
         'of the channel, wrote on Twitter, adding that the bank had given no reason.',
         [("Long live the free press!", "Mira Santos")]),
        # a participle right after a name has that name for its subject
        ('The new ad uses footage of Maria Lopez asking, "Why are we not ahead, you might ask?"',
         [("Why are we not ahead, you might ask?", "Maria Lopez")]),
        # a reporting verb hung inside the clause another reports shares the reporter's subject
        ('Appearing before supporters at party headquarters, Ana Kovac, 70, said it was too early to '
         'congratulate winners but added, "I think you all have an idea of the results."',
         [("I think you all have an idea of the results.", "Ana Kovac")]),
        # a dash the tagger took for a verb does not hide the clause's subject
        ('Governor Tom Hale, in particular, has been pounding his rival as a "con artist" ― just as he did '
         'in 2012.',
         [("con artist", "Tom Hale")]),
        # a quote standing alone after a sentence about one person, in the same paragraph, is theirs
        ('Jane Okafor appeared on a Sunday show and named fatigue with bigotry as the reason. "The younger '
         'people are sick and tired of discrimination."',
         [("The younger people are sick and tired of discrimination.", "Jane Okafor")]),
        # a document before a colon speaks, though its verb reports nothing
        ('A footnote in the audit makes that plain: "These rules do not apply to the senior staff."',
         [("These rules do not apply to the senior staff.", "footnote")]),
        # a person named right at the colon speaks, whatever the clause's subject
        ('The timing of the surge does not surprise Republican pollster Dana Whitfield: "Lesser-known '
         'candidates who win early contests have seen the biggest boost."',
         [("Lesser-known candidates who win early contests have seen the biggest boost.", "Dana Whitfield")]),
        # a quotation left open and closed at the end of a short line naming someone is signed by them
        ('Supporters gathered outside.\n\n"The reality is that the vote could create real problems for her.\n'
         'Rep. Jane Okafor, Citizens for Reform."\n\nThen the rally ended.',
         [("The reality is that the vote could create real problems for her.", "Jane Okafor")]),
        # a quote inside an adverbial clause with its own subject belongs to that subject
        ('But even as Tom Hale claimed on Tuesday that "the mayor got in trouble for far less," one of the '
         'prosecutors said the two cases were different.',
         [("the mayor got in trouble for far less,", "Tom Hale")]),
        # a piece quoted in passing does not take the paragraph's voice from its direct speaker
        ('"There is new evidence," Jane Okafor said, though police have not said the case is "reopening." '
         '"Remember, you need probable cause."',
         [("There is new evidence,", "Jane Okafor"), ("reopening.", "police"),
          ("Remember, you need probable cause.", "Jane Okafor")]),
        # an inverted cue before a name and a colon, the quote in the paragraph after
        ('Roger Okafor spoke in an interview on a radio program.\n\nStated Okafor:\n\n"I think that the '
         'stakes are so high."\n\nContinued Okafor: "So I think it is a very real problem."',
         [("I think that the stakes are so high.", "Roger Okafor"),
          ("So I think it is a very real problem.", "Roger Okafor")]),
        # words joined by a hyphen or a slash stay whole in an unnamed speaker
        ('In a national CNN/ORC poll released Monday, 31% of Republicans said they were "extremely '
         'enthusiastic" about voting. The GOP front-runner said she "caused tremendous death."',
         [("extremely enthusiastic", "national CNN/ORC poll"), ("caused tremendous death.", "GOP front-runner")]),
        # of the cues whose clause holds the quote, the innermost speaks
        ('And, in a clip that U.S. District Judge Anna Berg called "distasteful," Tom Hale expressed a desire '
         'to "shoot the messenger."',
         [("distasteful,", "Anna Berg"), ("shoot the messenger.", "Tom Hale")]),
        # "X said, according to Y": X speaks, Y only relays it
        ('"Do not protest on the floor," Jane Okafor said, according to the local paper.',
         [("Do not protest on the floor,", "Jane Okafor")]),
        # a passive relative clause reports the thing, not a speaker
        ('Tom Hale belittled the issue of the loans, calling it a "paperwork error" that was reported in a '
         '"hit piece" by a newspaper.',
         [("paperwork error", "Tom Hale"), ("hit piece", "Tom Hale")]),
        # the one prompted (or asked, or urged) to speak is the speaker
        ('At one point, Tom Hale coached his rival to breathe. That prompted Jane Okafor to make a joke about '
         'yoga and call Hale "very flexible," a nod to his changes of position.',
         [("very flexible,", "Jane Okafor")]),
        # a name before the verb stays the speaker when the parser joined it to the object's phrase;
        # the next sentence's cue is not this quote's
        ('At a town hall, Tom Hale accused Jane Okafor, the senator from Ohio, of being "politically correct" '
         'and "very queasy" on the issue. Then he cut into Bush, calling him a "stiff."',
         [("politically correct", "Tom Hale"), ("very queasy", "Tom Hale"), ("stiff.", "Tom Hale")]),
        # a weak verb is a cue where it introduces the quote
        ('But at the time, as prosecutor Marc Dubois put it, "there was not much to complain about."',
         [("there was not much to complain about.", "Marc Dubois")]),
        # "said one" is one of the group named before it, in the singular
        ('Two young boys were being treated, still covered in dust.\n"Our house fell on us," sobbed one. "I '
         'want my father."',
         [("Our house fell on us,", "young boy"), ("I want my father.", "young boy")]),
        ('"We will stay," one of the angry protesters said.', [("We will stay,", "angry protester")]),
        # a list of quoted items shares the first item's attribution (and a list of titles stays titles)
        ('Senator Jane Okafor, who has surged in the polls, named "Criminal Minds," "Game of Thrones" and '
         '"Veep" as her top shows.',
         [("Criminal Minds,", "Jane Okafor"), ("Game of Thrones", "Jane Okafor"), ("Veep", "Jane Okafor")]),
        # "the ministry", "the kingdom", "the statement" name the body or issuer the copy named before
        ('Thailand\'s Ministry of Foreign Affairs said eight Thais were freed. "This group will stay in the '
         'hospital for two days," the ministry said in a statement. Saudi Arabia called for restraint. The '
         'kingdom said it warned of "the situation exploding." The Pentagon issued a statement on Friday. "The '
         'United States is committed to the security of Israel," the statement said.',
         [("This group will stay in the hospital for two days,", "Ministry of Foreign Affairs"),
          ("the situation exploding.", "Saudi Arabia"),
          ("The United States is committed to the security of Israel,", "Pentagon")]),
        # the body may be the previous sentence's opening name, or a phrase the tagger left untagged
        ('Saudi Arabia, which has been in talks with the US about relations with Israel, called on both sides '
         'to exercise restraint. The kingdom said it had warned about "the situation exploding."',
         [("the situation exploding.", "Saudi Arabia")]),
        ('Thailand’s ministry of foreign affairs said ten hostages had been released. "They will stay in the '
         'hospital for two days," the ministry said.',
         [("They will stay in the hospital for two days,", "Thailand’s ministry of foreign affairs")]),
        # ... but a phrase that names its own body is left as written
        ('Gaza\'s interior ministry said 49 Palestinians were killed. The UN human rights office denounced the '
         '"appalling reports" of civilians being killed.',
         [("appalling reports", "UN human rights office")]),
        # a coordinated clause with a subject of its own keeps its quote
        ('The local health ministry said 30 people were killed, and the UN has said about a quarter of the '
         'population is "one step away from famine."',
         [("one step away from famine.", "United Nations")]),
        ('The US announced it was sending support to Israel, and as the UN warned the region was on a '
         '"dangerous precipice", fighting spread.',
         [("dangerous precipice", "United Nations")]),
        # "leading X to describe ...": the one led speaks
        ('The attack drew condemnation, leading the US secretary of state, Antony Blinken, to describe the '
         'assault as an "indiscriminate terrorist attack".',
         [("indiscriminate terrorist attack", "Antony Blinken")]),
        # "according to" reaches the clause it hangs on, not further than a relative clause's own cue
        ('The minister met Ayman al-Safadi, who said the gathering was organised "to stop the war", according '
         'to the ministry.',
         [("to stop the war", "Ayman al-Safadi")]),
        # a word cited as a word is a fragment of whoever cites it
        ('The senator vowed never again to use the term "illegal immigrant" in public.',
         [("illegal immigrant", "senator")]),
        # the one who uttered the words, not the one who reports them
        ('Nasser Hamdan lost four children in the strike. "When will they help us?" his eldest daughter, Hafsa, '
         '24, gasped before she died, he said.',
         [("When will they help us?", "eldest daughter")]),
        # a participle after a comma belongs to the clause, not to the noun the parser hung it on
        ('Continuing to explain his view, Ben Carson rejected the notion that the episode should be forgotten, '
         'saying that if he "found something that was rotten, I would fix it."',
         [("found something that was rotten, I would fix it.", "Ben Carson")]),
        # a statement released in a participle speaks for the clause's subject
        ('But Jane Okafor showed no sign of backing down, releasing a statement that, while condemning '
         'violence, accused the party leaders of using "its power to prevent a fair process."',
         [("its power to prevent a fair process.", "Jane Okafor")]),
        # a paper that ran a piece speaks through it
        ('The Washington Post recently ran a piece that noted his "health care plan would benefit affluent '
         'households."',
         [("health care plan would benefit affluent households.", "Washington Post")]),
        # an indefinite speaker keeps the phrase that tells who it was; "another" is another of the same
        ('When someone in the audience shouted, "Cruz," the pastor laughed.',
         [("Cruz,", "someone in the audience")]),
        ('"She does not even care anymore," wrote one Sanders supporter. "Watch out for her," tweeted another.',
         [("She does not even care anymore,", "one Sanders supporter"), ("Watch out for her,", "Sanders supporter")]),
        # a body before the colon speaks, though its verb reports nothing
        ('The Clinton campaign, in a Q&A on the controversy, worded it even more carefully: "Her practice was to '
         'email officials on their accounts."',
         [("Her practice was to email officials on their accounts.", "Clinton campaign")]),
        # "as X put it" beside the quote attributes it, over a cue whose clause holds the sentence
        ('Members of Congress echo her concerns, in part because the requirement is a "lawful source of '
         'investment income," as a Homeland Security memo put it.',
         [("lawful source of investment income,", "Homeland Security memo")]),
        ('"There is a young man having some problems," Ted Cruz said as the heckler yelled: "You suck!"',
         [("There is a young man having some problems,", "Ted Cruz"), ("You suck!", "heckler")]),
        # a name a "who" clause describes is a person, though a capital shares it
        ('"You get your house ready for a party," Paris, who used to work on Capitol Hill, said.',
         [("You get your house ready for a party,", "Paris")]),
        # after a sentence of several cues, the main clause's cue introduces the quote
        ('The party issued a statement on the leak, which showed staff members suggesting a smear.\n\n"We '
         'offer a deep and sincere apology to the senator."',
         [("We offer a deep and sincere apology to the senator.", "party")]),
        # a surname the tagger took for something else is still the person named in full before
        ('Senator Jane Roe kept up her attacks on rivals before the primary\nRoe, in Ohio, said on Monday '
         'that her opponent was "a coward."',
         [("a coward.", "Jane Roe")]),
    ],
)
def test_speaker_through_parse_repairs(nlp, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q, s) for q, s, _ in _quotes(nlp, text)] == expected
