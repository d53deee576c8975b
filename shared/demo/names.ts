// Word lists for the demo directory: given names, family names, departments, sites. Data only.
// Varied origins and some accents on purpose, so the caller lookup's folding is exercised.

/** One name per comma; `#` starts a comment line (the origin groups). */
function list(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export const FIRST_NAMES: readonly string[] = list(`
  # English-speaking
  James, Mary, John, Patricia, Robert, Jennifer, Michael, Linda, William, Elizabeth
  David, Barbara, Richard, Susan, Joseph, Jessica, Thomas, Sarah, Charles, Karen
  Christopher, Nancy, Daniel, Lisa, Matthew, Betty, Anthony, Margaret, Mark, Sandra
  Donald, Ashley, Steven, Kimberly, Paul, Emily, Andrew, Donna, Joshua, Michelle
  Kenneth, Dorothy, Kevin, Carol, Brian, Amanda, George, Melissa, Edward, Deborah
  Ronald, Stephanie, Timothy, Rebecca, Jason, Sharon, Jeffrey, Laura, Ryan, Cynthia
  Jacob, Kathleen, Gary, Amy, Nicholas, Angela, Eric, Shirley, Jonathan, Anna
  Stephen, Brenda, Larry, Pamela, Justin, Emma, Scott, Nicole, Brandon, Helen
  Benjamin, Samantha, Samuel, Katherine, Gregory, Christine, Alexander, Debra, Frank, Rachel
  Patrick, Carolyn, Raymond, Janet, Jack, Catherine, Dennis, Maria, Jerry, Heather
  Tyler, Diane, Aaron, Ruth, Jose, Julie, Adam, Olivia, Nathan, Joyce
  Henry, Virginia, Douglas, Victoria, Zachary, Kelly, Peter, Lauren, Kyle, Christina
  Ethan, Joan, Walter, Evelyn, Noah, Judith, Jeremy, Megan, Christian, Andrea
  Keith, Cheryl, Roger, Hannah, Terry, Jacqueline, Gerald, Martha, Harold, Gloria
  Sean, Teresa, Austin, Ann, Carl, Sara, Arthur, Madison, Lawrence, Frances
  Dylan, Kathryn, Jesse, Janice, Jordan, Jean, Bryan, Abigail, Billy, Alice
  Bruce, Julia, Gabriel, Judy, Logan, Sophia, Albert, Grace, Willie, Denise
  Siobhán, Aoife, Niamh, Ciarán, Declan, Eilidh, Callum, Rhys, Cerys, Dafydd
  # Spanish, Portuguese, Italian, French
  José, María, Juan, Lucía, Carlos, Sofía, Javier, Inés, Alejandro, Martina
  João, Beatriz, Gonçalo, Leonor, Tiago, Mariana, Giulia, Alessandro, Francesca, Matteo
  Chiara, Lorenzo, Federica, Giuseppe, François, Chloé, Léa, Mathéo, Amélie, Étienne
  Renée, Anaïs, Hélène, Noël, Zoë, Raphaël, Céline, Jérôme, Margaux, Benoît
  # German, Dutch, Nordic, Slavic, Greek
  Lukas, Jürgen, Anneliese, Klaus, Greta, Jörg, Ute, Maximilian, Lena, Sven
  Björn, Åsa, Søren, Ingrid, Freja, Mikkel, Linnéa, Astrid, Eero, Aino
  Daan, Sanne, Joost, Femke, Łukasz, Małgorzata, Agnieszka, Paweł, Zofia, Jiří
  Tereza, Dmitri, Olga, Ivan, Natalia, Milica, Nikola, Dragan, Yiannis, Eleni
  # Middle East, Africa
  Mohammed, Fatima, Ahmed, Aisha, Omar, Layla, Yusuf, Mariam, Hassan, Noor
  Tariq, Zainab, Emre, Elif, Mehmet, Ayşe, Dariush, Shirin, Avi, Noa
  Chidi, Ngozi, Kwame, Ama, Tendai, Thandiwe, Sipho, Amara, Kofi, Abebe
  # South and East Asia
  Aarav, Priya, Rohan, Ananya, Vikram, Deepika, Arjun, Kavya, Rahul, Sneha
  Wei, Mei, Jun, Xiu, Hao, Lan, Hiroshi, Yuki, Takeshi, Sakura
  Haruto, Aiko, Min-jun, Seo-yeon, Ji-ho, Hye-jin, Minh, Linh, Thanh, Anh
  Rizal, Siti, Somchai, Malee, Bayani, Luzviminda
  # Latin America
  Valentina, Mateo, Camila, Santiago, Ximena, Diego, Renata, Joaquín, Guadalupe, Andrés
`);

export const LAST_NAMES: readonly string[] = list(`
  Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor
  Thomas, Moore, Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis
  Robinson, Walker, Young, Allen, King, Wright, Scott, Hill, Green, Adams
  Baker, Nelson, Carter, Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans
  Edwards, Collins, Stewart, Morris, Rogers, Reed, Cook, Morgan, Bell, Murphy
  Bailey, Cooper, Richardson, Cox, Howard, Ward, Peterson, Gray, James, Watson
  Brooks, Kelly, Sanders, Price, Bennett, Wood, Barnes, Ross, Henderson, Coleman
  Jenkins, Perry, Powell, Long, Patterson, Hughes, Washington, Butler, Simmons, Foster
  Bryant, Alexander, Russell, Griffin, Hayes, Myers, Ford, Hamilton, Graham, Sullivan
  Wallace, Woods, Cole, West, Jordan, Owens, Reynolds, Fisher, Ellis, Harrison
  O'Brien, O'Connor, McCarthy, Byrne, Doyle, Ó Súilleabháin, MacDonald, Fraser, Jones-Price, Llewellyn
  # Spanish, Portuguese, Italian, French
  García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, Torres
  Flores, Rivera, Gómez, Díaz, Núñez, Jiménez, Muñoz, Álvarez, Castillo, Ortega
  Silva, Santos, Oliveira, Pereira, Costa, Ferreira, Gonçalves, Magalhães, Araújo, Conceição
  Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, De Luca
  Dubois, Lefèvre, Moreau, Laurent, Girard, Bonnet, Mercier, Fontaine, Chevalier, Lemaître
  # German, Dutch, Nordic, Slavic, Greek
  Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schäfer, Koch
  Hoffmann, Schröder, Zimmermann, Krüger, Hartmann, Van der Berg, De Vries, Jansen, Bakker, Visser
  Van Dijk, Smit, Mulder, Andersson, Johansson, Karlsson, Nilsson, Lindqvist, Håkansson, Sørensen
  Jørgensen, Nielsen, Hansen, Virtanen, Mäkinen, Korhonen, Nowak, Kowalski, Wiśniewski, Wójcik
  Kowalczyk, Zieliński, Novák, Dvořák, Černý, Ivanov, Petrov, Smirnova, Popović, Jovanović
  Papadopoulos, Nikolaidis, Georgiou, Horváth, Szabó, Kovács, Popescu, Ionescu
  # Middle East, Africa
  Haddad, Khalil, Mansour, Nasser, Rahman, Hussein, Abdullah, Farouk, Aziz, Karimi
  Hosseini, Yılmaz, Kaya, Demir, Şahin, Çelik, Cohen, Levi, Mizrahi, Friedman
  Okafor, Adeyemi, Okonkwo, Mensah, Boateng, Mwangi, Otieno, Dlamini, Nkosi, Tesfaye
  # South and East Asia
  Patel, Sharma, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Chatterjee, Banerjee
  Mehta, Desai, Joshi, Rao, Khan, Chaudhry, Wang, Li, Zhang, Liu
  Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu
  Tanaka, Suzuki, Takahashi, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Sato, Kato
  Kim, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Nguyễn, Trần
  Lê, Phạm, Hoàng, Vũ, Santoso, Wijaya, Tan, Lim, Ng, Wong
  Reyes, Cruz, Bautista, Dela Cruz, Villanueva, Srisai, Chaiyaporn
`);

export const DEPARTMENTS = [
  { name: 'Finance', code: 'FIN' },
  { name: 'Human Resources', code: 'HR' },
  { name: 'Sales', code: 'SAL' },
  { name: 'Marketing', code: 'MKT' },
  { name: 'Engineering', code: 'ENG' },
  { name: 'Operations', code: 'OPS' },
  { name: 'Legal', code: 'LEG' },
  { name: 'Customer Support', code: 'CS' },
  { name: 'Information Technology', code: 'IT' },
  { name: 'Procurement', code: 'PRO' },
  { name: 'Research', code: 'RES' },
  { name: 'Logistics', code: 'LOG' },
  { name: 'Executive Office', code: 'EXE' },
  { name: 'Quality Assurance', code: 'QA' },
  { name: 'Facilities', code: 'FAC' },
] as const;

/** Sites: a building per city, each with its floors; users and infrastructure live in these. */
export const BUILDINGS = [
  { name: 'London – Riverside House', code: 'LON-RH', floors: 8 },
  { name: 'Manchester – Piccadilly Place', code: 'MAN-PP', floors: 5 },
  { name: 'Dublin – Grand Canal Dock', code: 'DUB-GC', floors: 6 },
  { name: 'Paris – La Défense Tower', code: 'PAR-LD', floors: 10 },
  { name: 'Berlin – Spreebogen', code: 'BER-SB', floors: 4 },
  { name: 'Madrid – Castellana 200', code: 'MAD-CA', floors: 7 },
  { name: 'New York – Hudson Yards', code: 'NYC-HY', floors: 9 },
  { name: 'Austin – Domain Tower', code: 'AUS-DT', floors: 5 },
  { name: 'Singapore – Marina One', code: 'SIN-MO', floors: 6 },
  { name: 'Sydney – Barangaroo', code: 'SYD-BA', floors: 4 },
] as const;
