/**
 * French and Spanish sample prose. Section headings are the targets' labels from
 * corpora/thesaurus-labels-6lang.json (inserted by make-samples); the paragraphs are written here.
 */

export interface LocalSection {
  target: number;
  paragraphs: string[];
}

export const FRENCH_TITLE = "Rapport national sur la diversité biologique - Pollution et agriculture durable";

export const FRENCH_INTRO =
  "Le présent chapitre du rapport national décrit les progrès accomplis par le pays au regard des cibles 7 et 10 du Cadre mondial de la biodiversité de Kunming-Montréal. Il a été préparé par le ministère de la Transition écologique avec le concours du ministère de l'Agriculture, des agences de l'eau et des chambres d'agriculture.";

export const FRENCH_SECTIONS: LocalSection[] = [
  {
    target: 7,
    paragraphs: [
      "Les excédents d'azote et de phosphore restent élevés dans les bassins versants d'élevage intensif de l'ouest du pays, où les proliférations d'algues vertes touchent chaque été une vingtaine de plages. Le plan national de réduction des pertes de nutriments vise à diviser par deux ces pertes d'ici 2030 grâce au fractionnement des apports d'engrais, aux cultures intermédiaires pièges à nitrates et à la restauration des zones humides tampons.",
      "Les ventes de produits phytopharmaceutiques ont diminué de 21 % entre 2018 et 2024, et l'indicateur de risque lié aux pesticides a baissé de 32 %. Les substances les plus dangereuses ont été retirées du marché. La lutte contre la pollution plastique repose sur l'interdiction des emballages à usage unique et sur la responsabilité élargie des producteurs.",
    ],
  },
  {
    target: 10,
    paragraphs: [
      "Près de 14 % de la surface agricole utile est désormais conduite en agriculture biologique, et les paiements pour services environnementaux rémunèrent le maintien des haies, des prairies permanentes et des mares. Le programme national de replantation de haies a permis de planter 7 000 kilomètres de haies depuis 2021.",
      "En forêt, les plans de gestion durable couvrent 76 % des forêts publiques et privées de plus de 25 hectares. Dans la pêche, la part des captures issues de stocks exploités durablement atteint 58 %, et des zones de protection forte ont été créées pour les frayères. L'aquaculture conchylicole participe au suivi de la qualité des eaux côtières.",
    ],
  },
];

export const SPANISH_TITLE = "Informe nacional de biodiversidad - Espacios verdes y azules en las ciudades";

export const SPANISH_INTRO =
  "Este capítulo resume las acciones emprendidas por los municipios y el gobierno nacional para cumplir la meta 12 del Marco Mundial de Biodiversidad de Kunming-Montreal, que busca aumentar la superficie, la calidad y la conectividad de los espacios verdes y azules en las zonas urbanas y densamente pobladas.";

export const SPANISH_SECTIONS: LocalSection[] = [
  {
    target: 12,
    paragraphs: [
      "Entre 2020 y 2025 las diez ciudades más grandes del país crearon 1.450 hectáreas de nuevos parques, corredores fluviales y techos verdes. La capital recuperó el cauce del río Tinto, que estuvo canalizado bajo el asfalto durante cincuenta años, y hoy es un corredor ecológico de nueve kilómetros con vegetación nativa, senderos y humedales que reducen las inundaciones.",
      "El programa nacional de arbolado urbano plantó 380.000 árboles de especies autóctonas y estableció que cada barrio debe contar con un espacio verde a menos de diez minutos a pie. Los huertos comunitarios y los jardines escolares acercan la naturaleza a la población y mejoran la salud física y mental de los habitantes.",
      "Para medir los avances, el instituto de estadística publica cada año un indicador de superficie verde por habitante y un índice de biodiversidad urbana basado en el seguimiento de aves y polinizadores realizado por voluntarios.",
    ],
  },
  {
    target: 11,
    paragraphs: [
      "Los espacios verdes también prestan servicios de los ecosistemas: regulan la temperatura durante las olas de calor, filtran el aire y retienen el agua de lluvia. La planificación urbana incorpora ahora soluciones basadas en la naturaleza para proteger a las personas frente al calor extremo y las inundaciones.",
    ],
  },
];
