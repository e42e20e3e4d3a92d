/**
 * Names common among people living in France, the UK and Ireland that no faker locale lists: Irish and
 * Scottish, Vietnamese (as written without diacritics in French and English text), Chinese surnames in
 * pinyin and Cantonese spellings, Maghrebi and West African surnames. Hand-kept from public lists of
 * frequent names; the lexicon treats them as the names of faker's other locales: they need context
 * (a cue, a title, a greeting, a known surname next to them). Two-letter names ("Li", "Ho", "Ng", "Ba")
 * are left out: they are everyday words or initials as often as names.
 */
export const FIRST_NAMES_CURATED = [
  // Irish
  "Aoife|Aisling|Ailbhe|Aine|Áine|Caoimhe|Ciara|Clodagh|Deirdre|Eimear|Fionnuala|Grainne|Gráinne|Maire|Máire|Niamh|Orla|Orlaith|Roisin|Róisín|Saoirse|Sinead|Sinéad|Siobhan|Siobhán|Una|Úna",
  "Cathal|Cian|Ciaran|Ciarán|Colm|Cormac|Darragh|Diarmuid|Donal|Dónal|Eoin|Fergal|Fionn|Oisin|Oisín|Padraig|Pádraig|Ruairi|Ruairí|Sean|Seán|Seamus|Séamus|Tadhg",
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
  // Common in the UK, missing from faker's English list
  "Nwosu|Eze|Obi|Okeke|Adebayo|Oyelaran|Kumar|Sharma|Gupta|Verma|Mistry|Chauhan|Kaur|Gill|Sandhu|Dhillon|Bhatti|Qureshi|Siddiqui|Chaudhry|Patel|Singh|Shah|Khan|Ahmed|Hussain|Begum|Akhtar|Iqbal|Malik|Chowdhury|Rahman|Okafor|Okonkwo|Adeyemi|Mensah|Boateng|Asante",
].join("|");
