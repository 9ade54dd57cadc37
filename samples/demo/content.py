# ---- Event A: the Marren Bridge closure, a story that grows over two days ----
bridge = [
 "The Marren Bridge, the only road crossing of the River Tarr in the centre of Tarrow, was closed to all traffic at dawn on Monday after engineers found two cracks in its main stone arch, the town council said.",
 "The cracks, each about a metre long, were found on Sunday evening during a routine inspection of the 140-year-old bridge. The council closed it to cars and lorries at 6am and to pedestrians an hour later.",
 "\"We are not taking any chances with a structure that carries eleven thousand vehicles a day,\" said Priya Lindqvist, the council's chief engineer. \"Until we know how deep the cracks go, nobody crosses.\"",
 "Buses on the number 4 and number 9 routes were diverted over the Weir Road bridge, three kilometres upstream, adding about twenty minutes to journeys. Police officers directed traffic at the junction with Canal Street during the morning rush.",
 "Shops on Bridge Street said the closure had emptied the street of customers. \"Half of my regulars walk over from the south bank,\" said baker Tomas Reyes. \"This morning I sold eight loaves.\"",
 "The council said a specialist survey team from Eskerby would begin drilling core samples on Tuesday and that it would give an update on how long the bridge would stay shut by the end of the week.",
]
page("gazette", "marren-bridge-closed-cracks", "Marren Bridge closed after engineers find cracks in its main arch", "2026-11-23T06:55:00+00:00", "Hannah Okonkwo", bridge)

# A verbatim republication by a wire service, crediting the original.
page("meridian", "marren-bridge-closed-cracks", "Marren Bridge closed after engineers find cracks in its main arch", "2026-11-23T08:10:00+00:00", "Meridian Wire staff", bridge,
     extra_end="This article was first published by The Tarrow Gazette and is republished here with permission.")

# A spun copy, made by the benchmark's synthetic spinner (src/Parallax.Bench/Spin/SyntheticSpinner.cs, 30% of content
# words, seed 4): thesaurus swaps blind to context, as a content farm's spinner makes them.
spun = ['The Marren Bridgework, the only road crossing of the River Tarr in the centre of Tarrow, was folded to all dealings at dawn on Monday after engineers found ii crevices in its main stone arch, the town council said.',
 'The cracks, each about a measure long, were found on Sunday evening during a routine inspection of the 140-year-old bridge. The council closed it to cars and lorries at 6am and to walkers an hour later.',
 '"We are not taking any takes a chance with a construction that carries eleven thousand fomites a day," said Priya Lindqvist, the council\'s tribal chief engineer. "Until we know how deep the wisecracks go, nobody thwarts."', "Buses on the turn 4 and turn 9 roots were entertained over the Weir Road bridge over, three kilometres upriver, bringing about xx minutes to journeyings. Police force ship's officers directed dealings at the junction with Canalise Street during the morning rush.", 'Shops on Bridge Street said the resolution had emptied the street of clients. "One-half of my regulars pass over from the south bank," said baker Tomas Reyes. "This first light I dealt eight loaves."',
 'The council said a specializer survey squad from Eskerby would begin drilling core samples on Tuesday and that it would consecrate an update on how long the bridge over would stay shut by the end of the hebdomad.']
page("brightline", "marren-bridgework-folded-crevices", "Marren Bridgework folded after engineers find crevices in its main arch", "2026-11-23T11:20:00+00:00", "Brightline Desk", spun)

page("nfb", "tarrow-bridge-shut-inspection", "Tarrow's Marren Bridge shut as inspection finds damage to arch", "2026-11-23T07:40:00+00:00", "Samuel Achterberg", [
 "Tarrow's Marren Bridge has been closed indefinitely after an inspection found three cracks in the stonework of its central arch, Tarrow council has told Northfold Broadcasting.",
 "Drivers heading for the town centre from the south were turned back by police at both ends of the bridge from about 6am on Monday. The council estimates that around 10,000 vehicles use the crossing on a normal weekday.",
 "Council leader Martin Havelock said the decision had been made overnight. \"I would rather apologise for a traffic jam than for a collapse,\" he said. \"The engineers were clear that we could not wait.\"",
 "The bridge, built in 1886, was last strengthened in 2009, when steel ties were added beneath the deck. A report to the council last year rated its condition as fair and recommended a full survey within two years.",
 "Northfold Buses said services would run on diversion via Weir Road until further notice and advised passengers to allow an extra half hour.",
])

page("post", "eskerby-commuters-detours-marren", "Eskerby commuters face long detours as Marren Bridge stays shut", "2026-11-23T16:05:00+00:00", "Lena Fairweather", [
 "Commuters travelling from Eskerby into Tarrow faced queues of up to an hour on Monday evening as the closure of the Marren Bridge sent traffic onto the narrow Weir Road crossing.",
 "The Marren Bridge was closed at dawn after engineers found cracks in its arch. Traffic monitoring by the regional roads office showed average speeds on the Weir Road approach falling to eight kilometres an hour between 4pm and 6pm.",
 "\"It took me seventy minutes to do a trip that normally takes twenty,\" said nurse Adaeze Morrow, who works at Tarrow General Hospital and lives in Eskerby. \"If this goes on for weeks, people will start missing shifts.\"",
 "Eskerby's transport committee said it had asked Tarrow council to share its survey results as soon as possible, and would consider extra trains on the Fold valley line if the closure lasted more than a few days.",
 "The regional rail operator said its 7.12am and 8.02am services from Eskerby would run with extra carriages from Tuesday.",
])

page("gazette", "marren-bridge-six-weeks", "Marren Bridge to stay closed for at least six weeks, council says", "2026-11-24T09:30:00+00:00", "Hannah Okonkwo", [
 "The Marren Bridge in Tarrow will stay closed for at least six weeks while its cracked main arch is repaired, the town council said on Tuesday, after core samples showed the damage went deeper than first thought.",
 "Chief engineer Priya Lindqvist said the two cracks found on Sunday reached about forty centimetres into the stone. \"The arch is stable as long as nothing heavy crosses it,\" she said. \"It is not safe for traffic, and it will not be until the repair is done.\"",
 "The repair will involve injecting grout into the cracks and fitting a steel frame beneath the arch, at a cost the council puts at 1.8 million pounds. Work is due to start next Monday.",
 "Pedestrians may be allowed back onto the bridge within a fortnight if a covered walkway can be built along its upstream side, the council said.",
 "Traders on Bridge Street have asked for a cut in business rates while the bridge is shut. The council said it would consider the request at its meeting on Thursday.",
])

page("observer", "temporary-ferry-tarrow", "Temporary ferry to link Tarrow's banks while Marren Bridge is repaired", "2026-11-24T13:15:00+00:00", "Oskar Brandt", [
 "A temporary passenger ferry will carry people across the River Tarr in the centre of Tarrow from Thursday while the damaged Marren Bridge is closed for repairs, the town council announced on Tuesday.",
 "The council has hired a 60-seat boat from the Kessel harbour company, which will run every fifteen minutes between the Canal Street steps and the south bank quay from 6am to 10pm. Crossings will be free.",
 "The Marren Bridge was closed on Monday after engineers found cracks in its main arch, and the council said on Tuesday that it would stay shut for at least six weeks.",
 "\"People need to get to work, to school and to the hospital, and a three-kilometre detour is not an answer for someone on foot,\" said council leader Martin Havelock.",
 "The harbour company said it could add a second boat at peak times if demand was high.",
])

# ---- Event B: a bakery plant closes ----
page("gazette", "halvard-foods-bakery-closure", "Halvard Foods to close Tarrow bakery plant with the loss of 240 jobs", "2026-11-22T10:00:00+00:00", "Felix Moreau", [
 "Halvard Foods will close its bakery plant on the Tarrow industrial estate next spring with the loss of 240 jobs, the company told staff on Saturday morning.",
 "The plant, which makes sliced bread and rolls for supermarkets across the North Fold, has operated since 1971. Halvard said production would move to its larger site in Brennport, where it has invested in new ovens.",
 "\"This is a very difficult decision and it is not a reflection on the people in Tarrow, who have done everything we asked of them,\" said Halvard's operations director, Ingrid Solberg.",
 "The bakers' union said it would ask the company to offer every worker a job in Brennport and to pay for travel for those who accepted. Union organiser Kwame Adjei called the news \"a hammer blow for the estate\".",
 "Halvard said the plant would keep running until April and that it would hold one-to-one meetings with staff over the next two weeks.",
])

page("post", "halvard-tarrow-plant-jobs", "Union vows to fight Halvard's plan to shut Tarrow plant", "2026-11-22T12:30:00+00:00", "Lena Fairweather", [
 "The bakers' union has promised to fight the closure of Halvard Foods' Tarrow plant, after the company said on Saturday that it would shut the site and move its work to Brennport.",
 "About 250 people work at the plant, many of them from Eskerby, according to the union, which said the company had given no warning at a meeting with staff representatives only last month.",
 "\"Two hundred and fifty families found out on a Saturday morning that their jobs are going,\" said union organiser Kwame Adjei. \"We will be asking for the books to be opened, because we do not believe this site is losing money.\"",
 "Halvard said the decision followed a review of all its sites and that the Brennport bakery could make the same products at lower cost.",
 "Eskerby's member of the regional assembly, Rosa Ilunga, said she had asked to meet the company's chief executive.",
])

page("meridian", "halvard-foods-brennport-move", "Halvard Foods moves bread production to Brennport, closing Tarrow site", "2026-11-22T11:05:00+00:00", "Meridian Wire business desk", [
 "Halvard Foods said on Saturday it would close its bakery in Tarrow and move production to Brennport, as the North Fold's largest baker consolidates its sites.",
 "The company said 240 roles would go in Tarrow. It expects to create about 90 new roles in Brennport, where it opened an automated production line in 2024.",
 "Halvard, which supplies bread to the three biggest supermarket chains in the region, reported a fall in profit last year as flour and energy costs rose.",
 "The Tarrow site will close in April, the company said.",
])

# ---- Event C: whales ----
page("observer", "greyfin-whales-kessel-point", "Pod of rare greyfin whales seen off Kessel Point", "2026-11-21T15:00:00+00:00", "Oskar Brandt", [
 "A pod of at least seven greyfin whales was seen off Kessel Point on Friday morning, the first sighting of the species in North Fold waters for more than thirty years, the Kessel marine trust said.",
 "The whales were spotted by the crew of a fishing boat about two kilometres offshore shortly after 9am and were followed by a trust survey boat for most of the day.",
 "\"We have photographs of the dorsal fins of five individuals, which should let us tell whether any of them have been recorded elsewhere,\" said trust scientist Dr Amara Quist.",
 "The trust asked boat owners to keep at least 300 metres from the pod and not to use drones above it.",
])

page("nfb", "greyfin-whales-return", "Greyfin whales return to the North Fold coast after three decades", "2026-11-21T18:20:00+00:00", "Samuel Achterberg", [
 "Greyfin whales have been seen off the North Fold coast for the first time since 1993, after a fishing crew reported a group of the rare animals near Kessel Point on Friday.",
 "Scientists from the Kessel marine trust counted eight whales, including two calves, during a survey in the afternoon.",
 "Dr Amara Quist of the trust said warmer water and a recovery in herring stocks might explain the return. \"It is wonderful news, but one sighting is not a comeback,\" she said. \"We need to see them again next year.\"",
 "The coastguard has issued a notice to mariners asking vessels to slow down within five kilometres of the point.",
])

# ---- Event D: an election ----
page("post", "vasquez-wins-eskerby-mayor", "Ilona Vasquez wins Eskerby mayoral election as first independent", "2026-11-20T23:40:00+00:00", "Lena Fairweather", [
 "Ilona Vasquez has been elected mayor of Eskerby, the first candidate without a party to win the post since it was created in 1998, with 41 per cent of first-preference votes.",
 "The former head teacher, who campaigned on cheaper buses and a new swimming pool, beat the sitting mayor, Gregor Lund, by just over 2,300 votes after second preferences were counted.",
 "\"People in Eskerby wanted someone who answers to them and nobody else,\" Vasquez told supporters at the count in the town hall. \"Tomorrow the work starts.\"",
 "Turnout was 38 per cent, up from 31 per cent at the last election.",
])

page("nfb", "eskerby-elects-independent-mayor", "Eskerby elects independent Ilona Vasquez as mayor", "2026-11-21T00:15:00+00:00", "Northfold Broadcasting politics team", [
 "Voters in Eskerby have elected the independent candidate Ilona Vasquez as their mayor, ending twelve years of control by the Civic Alliance.",
 "Vasquez won 52 per cent of the vote after second preferences, against 48 per cent for the outgoing mayor, Gregor Lund, who conceded shortly before midnight.",
 "Lund said he would stay on the council as an ordinary member. \"The voters have spoken and I wish her well,\" he said.",
 "Vasquez, 54, a former head teacher, has promised to freeze bus fares for two years.",
])

page("observer", "what-vasquez-win-means", "What Ilona Vasquez's win means for the North Fold", "2026-11-21T08:00:00+00:00", "Nadia Pereira", [
 "Ilona Vasquez's victory in Eskerby on Thursday is the clearest sign yet that voters in the North Fold are tired of the two big parties.",
 "Vasquez, a former head teacher with no party behind her, beat the sitting mayor Gregor Lund after second preferences were counted, taking 52 per cent of the final vote.",
 "Her campaign was run from a kitchen table and paid for by small donations, and she spent most of it on the town's buses, talking to passengers about fares.",
 "Independents now hold the mayoralty in two of the region's five towns. Analysts say the parties will need to rethink how they choose candidates before the regional elections in 2028.",
])

# ---- Event F: sport, one outlet only ----
page("gazette", "rovers-reach-fold-cup-final", "Tarrow Rovers beat Kessel Athletic to reach the Fold Cup final", "2026-11-22T21:45:00+00:00", "Jonah Whitlock", [
 "Tarrow Rovers will play in the Fold Cup final for the first time in nineteen years after beating Kessel Athletic 2-1 in a tense semi-final at Riverside Park on Saturday evening.",
 "Striker Mireille Dufour scored both goals, the second a header in the 84th minute, after Kessel had equalised early in the second half through a penalty.",
 "\"The whole town was behind us tonight,\" said Rovers manager Callum Fitzgerald. \"We owe them a good day out in the final.\"",
 "The final will be played at the regional stadium in Brennport on 14 December against either Eskerby Town or Brennport United.",
], section="Sport")

FEEDFILES = {}
