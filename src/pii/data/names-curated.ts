/**
 * Names common among people living in France, the UK and Ireland that no faker locale lists: Irish and
 * Scottish, Vietnamese (as written without diacritics in French and English text), Chinese surnames in
 * pinyin and Cantonese spellings, Maghrebi, West African and Iranian surnames. Hand-kept from public lists of
 * frequent names; the lexicon treats them as the names of faker's other locales: they need context
 * (a cue, a title, a greeting, a known surname next to them). Two-letter names ("Li", "Ho", "Ng", "Ba")
 * are left out: they are everyday words or initials as often as names.
 */
export const FIRST_NAMES_CURATED = [
  // Irish
  "Maire|Máire|Una|Úna",
  // Vietnamese given names
  "Anh|Bao|Binh|Chau|Cuong|Duc|Duong|Giang|Hai|Hanh|Hieu|Hoa|Hoang|Huong|Huy|Huyen|Khanh|Khoa|Lan|Linh|Loan|Minh|Ngoc|Nhung|Phuong|Quang|Quynh|Thanh|Thao|Thu|Thuy|Tien|Trang|Trinh|Tuan|Tuyet|Uyen|Vinh|Xuan",
  // Chinese given names, pinyin
  "Jing|Jun|Lei|Mei|Ming|Qiang|Wei|Xiaoming|Xin|Yan|Ying|Yong|Yun|Zhen|Zhiwei",
  // Vietnamese middle names
  "Thi|Thị|Văn",
  // Welsh and Scottish
  "Gareth|Rhys|Dafydd|Dylan|Emyr|Geraint|Gethin|Gwen|Gwyneth|Huw|Iestyn|Ieuan|Ifan|Llinos|Meinir|Rhian|Rhiannon|Sian|Siân|Sioned|Tomos|Angharad|Bethan|Carys|Cerys|Eilidh|Ewan|Fraser|Hamish|Iain|Kirsty|Morag|Mhairi|Murdo|Rory|Struan",
  // South Asian, as common in the UK
  "Aarav|Abdul|Aditya|Amit|Anil|Anjali|Arjun|Asif|Deepak|Farhan|Fatima|Imran|Kavita|Mohammed|Muhammad|Nadia|Neha|Nikhil|Pooja|Priya|Rahul|Raj|Rajesh|Ravi|Rohan|Sanjay|Shreya|Sunil|Tariq|Usman|Vikram|Zainab|Zara",
  // Nicknames that are also words or short forms of other things ("dom", "val", "pip", "mimi")
  "Caro|Gaby|Mimi|Stu|Dom|Val|Rob|Jen|Kaz|Pip|Momo|Titi|Doudou|Seb|Nath|Vivi|Manu|Benji",
  // German and Dutch
  "Jürgen|Jurgen|Dieter|Günter|Gunter|Helmut|Klaus|Uwe|Wolfgang|Jörg|Jorg|Sven|Anke|Birgit|Heike|Sabine|Ute|Jeroen|Joost|Sander|Maarten|Bram|Femke|Sanne|Anouk",
].join("|");

export const LAST_NAMES_CURATED = [
  // Irish and Scottish
  "Brennan|Byrne|Cassidy|Connolly|Daly|Doherty|Donnelly|Doyle|Duffy|Dunne|Fitzgerald|Fitzpatrick|Flanagan|Flynn|Gallagher|Hennessy|Kavanagh|Keane|Kennedy|Lynch|MacDonald|MacKenzie|MacLeod|Maguire|McCarthy|McDonald|McGrath|McLaughlin|McLoughlin|Murphy|Nolan|O'Brien|O'Connell|O'Connor|O'Donnell|O'Mahony|O'Neill|O'Reilly|O'Sullivan|Quinn|Regan|Sweeney|Whelan",
  // Vietnamese, without diacritics
  "Bui|Dang|Dinh|Duong|Hoang|Huynh|Khuu|Lam|Luong|Ngo|Nguyen|Pham|Phan|Quach|Tran|Trinh|Truong|Vuong",
  // Chinese, pinyin and Cantonese spellings
  "Cai|Cao|Chan|Chen|Cheng|Cheung|Chow|Cui|Deng|Ding|Dong|Feng|Gao|Guo|Huang|Jiang|Kwok|Lau|Leung|Liang|Liao|Liu|Luo|Peng|Shen|Tian|Tsang|Wang|Wong|Xiao|Xie|Yang|Yao|Yuan|Zeng|Zhang|Zhao|Zheng|Zhong|Zhou|Zhu",
  // Maghrebi
  "Aissaoui|Alaoui|Amrani|Belaid|Belhadj|Belkacem|Benaissa|Benali|Benmoussa|Bennani|Bensaid|Benyahia|Berrada|Bouaziz|Boudiaf|Boukhari|Bouzid|Brahimi|Chaoui|Cherif|Chraibi|Daoudi|Djebbar|Ferhat|Haddad|Hamdi|Hamidi|Kaci|Khelifi|Lahlou|Larbi|Mahmoudi|Mansouri|Messaoudi|Meziane|Mokrani|Nasri|Ouali|Rachedi|Rahmani|Sahraoui|Saidi|Slimani|Tahiri|Tazi|Yahiaoui|Zerrouki|Ziani",
  // West African
  "Bamba|Camara|Cissé|Cisse|Coulibaly|Dembélé|Dembele|Diakité|Diakite|Diallo|Diarra|Diop|Doumbia|Fofana|Kanté|Kante|Keita|Konaté|Konate|Koné|Kone|Kouassi|Kouamé|Kouame|Ndiaye|Ouattara|Sissoko|Sylla|Touré|Toure|Traoré|Traore",
  // Welsh
  "Llewellyn|Llywelyn|Pritchard|Pugh|Bowen|Prosser|Jenkins|Vaughan|Rhys|Powell",
  // Iranian, as common in France and the UK
  "Karimi|Ahmadi|Hosseini|Rezaei|Mohammadi|Moradi|Jafari|Rahimi|Hashemi|Sadeghi|Ghorbani|Kazemi|Rostami|Azizi|Najafi|Amini|Farahani|Shirazi",
  // Common in the UK, missing from faker's English list
  "Nwosu|Eze|Obi|Okeke|Adebayo|Oyelaran|Kumar|Sharma|Gupta|Verma|Mistry|Chauhan|Kaur|Gill|Sandhu|Dhillon|Bhatti|Qureshi|Siddiqui|Chaudhry|Patel|Singh|Shah|Khan|Ahmed|Hussain|Begum|Akhtar|Iqbal|Malik|Chowdhury|Rahman|Okafor|Okonkwo|Adeyemi|Mensah|Boateng|Asante",
].join("|");

/**
 * First names common in the UK, Ireland and France that faker's English and French lists lack, and that
 * are no English or French word: British, Irish, Scottish, Welsh, Breton, Basque, Nigerian, Ghanaian,
 * Caribbean, Kenyan, Zimbabwean, South African, Greek, Romanian, Russian and Korean, and nicknames ("Gégé",
 * "Kev"). Unlike the lists above they need no context: alone they name someone ("add Callum to the
 * thread"). Hand-checked, from public lists of frequent given names.
 */
export const FIRST_NAMES_NATIVE = [
  // Irish
  "Aoife|Aisling|Ailbhe|Aine|Áine|Caoimhe|Ciara|Clodagh|Deirdre|Eimear|Fionnuala|Grainne|Gráinne|Niamh|Orla|Orlaith|Roisin|Róisín|Saoirse|Sinead|Sinéad|Siobhan|Siobhán|Bronagh|Nuala|Mairead|Máiréad|Eabha|Sadhbh|Maeve|Bríd|Brid|Aoibheann|Méabh|Meabh",
  "Cathal|Cian|Ciaran|Ciarán|Colm|Cormac|Darragh|Diarmuid|Donal|Dónal|Eoin|Fergal|Fionn|Oisin|Oisín|Padraig|Pádraig|Ruairi|Ruairí|Sean|Seán|Seamus|Séamus|Tadhg|Niall|Eamon|Eamonn|Éamonn|Dermot|Fintan|Tiernan|Lorcan|Cillian|Fiachra|Fearghal|Finbar|Declan|Ronan|Conor|Kieran",
  // Scottish
  "Callum|Calum|Ailsa|Isla|Morven|Catriona|Shona|Kenzie|Lachlan|Ruaridh|Euan|Fergus|Alasdair|Innes|Greig|Eilidh",
  // Welsh
  "Aled|Bronwen|Ffion|Osian|Macsen|Lowri|Alun|Bryn|Emrys|Gwilym|Ifor|Owain|Rhodri|Gwenllian|Eleri|Heledd|Nerys|Rhydian|Cerys|Gethin|Ioan|Elin|Seren|Dewi|Trystan|Iwan",
  // Breton, Basque, Corsican
  "Gwenaël|Gwenael|Gwendal|Goulven|Nolwenn|Soizic|Iñaki|Inaki|Aitor|Unai|Ainhoa|Xabi|Ghjuvanni",
  // Nigerian, Ghanaian, Caribbean
  "Ngozi|Chioma|Adaeze|Obinna|Tunde|Yetunde|Segun|Folake|Chukwuemeka|Uche|Amaka|Nkechi|Babajide|Olumide|Temitope|Oluwaseun|Chinedu|Emeka|Nnamdi|Ifeoma|Chiamaka|Ikenna|Kwabena|Akosua|Abena|Efua|Delroy|Claudette|Errol",
  // Nicknames, French and English, that are no word of either language
  "Gégé|Jojo|Juju|Lolo|Nanou|Fanfan|Dédé|Zaza|Jérém|Jérem|Béné|Tonio|Steph|Soph|Kev|Shaz|Shazza|Gaz|Gazza|Baz|Bazza|Dazza|Trev|Robbo|Tommo|Jonny|Bex|Tash|Georgie|Tilly|Hattie|Becks|Ollie|Olly|Alfie|Frankie",
  // Greek and Korean, as written in Latin letters
  "Dimitrios|Georgios|Konstantinos|Nikos|Katerina|Ji-woo|Min-jun|Seo-yeon|Ji-ho|Jae-hyun|Seo-jun|Ha-eun|Ji-hoon",
  // British and Irish, frequent in the birth registers of England, Scotland and Ireland since the 1960s
  "Gemma|Shauna|Carly|Clive|Beverley|Kelsey|Maisie|Barnaby|Jolyon|Piers|Tarquin|Albie|Dougie|Carwyn|Rhona|Shonagh|Seonaid|Torquil|Eibhlín|Peadar|Donnacha|Rían|Odhrán|Odhran|Feargal|Aonghus|Ríona|Dearbhla|Laoise|Blathnaid|Bláthnaid|Fiadh|Síofra",
  // Nigerian (Yoruba, Edo, Urhobo), Kenyan, Zimbabwean and South African
  "Bisi|Dayo|Gbenga|Abiodun|Oghenekaro|Efosa|Osagie|Wanjiru|Wambui|Otieno|Achieng|Sipho|Lerato|Themba|Nomvula|Zanele|Tendai|Tatenda|Farai|Rutendo",
  // Greek, Romanian and Russian spellings the lists lack
  "Giorgos|Sotiris|Florin|Dmitri|Sergei",
].join("|");

/**
 * Surnames among the most frequent in England, Wales and Scotland (public frequency lists) that faker's
 * English list lacks or has only as first names ("Evans", "Lewis"), and a few Greek, Nigerian, Breton,
 * Basque, Turkish and Polish ones. Words that are also places or English words ("Holland", "Berry",
 * "Baker", "Day") are left out: a surname makes a neighbouring word a name.
 */
export const LAST_NAMES_NATIVE = [
  "Williams|Davies|Wright|Edwards|Hughes|Clarke|Phillips|Griffiths|Richardson|Shaw|Cox|Richards|Simpson|Chapman|Webb|Campbell|Matthews|Holmes|Barnes|Stevens|Dixon|Pearson|Andrews|Saunders|Payne|Pearce|Atkinson|Rees|Carr|Dunn|Parsons|Hawkins|Harding|Robertson|Cooke|Bates|Parry|Burgess|Nicholson|Nicholls|Hamilton|Yates|Hodgson|Robson|Hopkins|Harper|Watkins|Wheeler|Hutchinson|Burke|Higgins|Stevenson|Stephenson|Hammond|Buckley|Walters|Hewitt|Sullivan|Whitehead|Stephens|Woodward|Thomson|Cunningham|Barnett|Baxter|Greenwood|Kemp|Davidson|Fowler|Middleton|Gibbs|Ferguson|Hayward|Barlow|Peters|Knowles|Hartley|Miah|Simmons|Morrison|Townsend|Hancock|Thornton|Burrows|Briggs|Sharpe|Whitfield",
  "Taylor|Evans|Wilson|Robinson|Lewis|Jackson|Cooper|Morris|Clark|Lee|Harrison|Morgan|Allen|Scott|Watson|Bennett|Kelly|Marshall|Ellis|Foster|Rogers|Owen|Lloyd|Russell|Fletcher|Howard|Stewart|Elliott|Lawrence|Bradley|Dawson|Perry|Francis|Barrett|Webster|Gregory|Riley|Reid|Newton|Gardner|Henderson|Walton|Ross|Freeman|Warren|Curtis|Coleman|Griffin|Osborne|Gordon|Wallace|Gilbert|Willis|Arnold|Nelson|Blake|Clayton|Nash|Jennings|Lawson|Stanley|Jarvis|Todd|Morton|Norris|Baldwin|Cameron|Lindsay|Crawford|Meredith",
  // Scottish and Welsh
  "Whyte|Macleod|MacLeod|Mackay|MacKay|Mackenzie|Sutherland|Paterson|Gillespie|Dunlop|Munro|Maclean|MacLean|Macpherson|MacPherson|McIntyre|McGregor|MacGregor|Buchanan|Kerr|Cairns|Hendry|Rennie|Baird|Urquhart|Bevan|Probert|Harries|Gruffydd|Howells|Gwynne",
  // Greek, Korean, Nigerian, Maghrebi, Breton, Basque, Turkish, Romanian, Polish
  "Papadopoulos|Georgiou|Nikolaou|Pappas|Dimitriou|Konstantinou|Christodoulou|Choi|Kang|Yoon|Okoro|Okoye|Adeleke|Ogunleye|Onyekachi|Nwankwo|Ogbonna|Nwachukwu|Balogun|Afolabi|Olawale|Benhamou|Benchekroun|Bensalem|Boukhris|Hamdani|Kerbrat|Kerjean|Quéré|Jaouen|Etxeberria|Goikoetxea|Agirre|Yilmaz|Yılmaz|Popescu|Ionescu|Nowak|Kowalski|Kowalczyk|Wisniewski|Wiśniewski|Zielinski|Zieliński|Lewandowski|Kaminski|Demir|Ozturk|Öztürk|Celik|Çelik|Sahin|Şahin",
].join("|");
